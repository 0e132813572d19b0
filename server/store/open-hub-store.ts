import type { HubIdentity } from '../../shared/contract/hub-http';
import type { HubStore } from './hub-store';
import { PostgresHubStore } from './postgres-hub-store';
import { SqliteHubStore } from './sqlite-hub-store';
import type { LineageCheck } from './store-lineage';

/** Where the store is: a SQLite file in a data folder (the default), or a PostgreSQL database. */
export type StoreLocation = { engine: 'sqlite'; data: string } | { engine: 'postgres'; url: string };

export type OpenedHubStore = HubStore & { readonly opened: LineageCheck | { identity: HubIdentity } };

/** Opens (and migrates) the store the options name: the SQLite file in the data folder, or a PostgreSQL database. */
export async function openHubStore(location: StoreLocation): Promise<OpenedHubStore> {
  return location.engine === 'postgres' ? PostgresHubStore.open(location.url) : SqliteHubStore.open(location.data);
}
