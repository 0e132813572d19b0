import type { HubIdentity, HubUser } from '../../../../shared/contract/hub-http';
import type { AppInfo } from '../../../../shared/contract/ipc-contract';
import { clearEntities } from '../entity-rows';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

export type DataOrigin = AppInfo['dataOrigin'];

export interface SyncStateRow {
  hubUrl: string | null;
  cursor: number;
  lastSuccessAt: number | null;
  dataOrigin: DataOrigin;
  token: string | null;
  user: HubUser | null;
  /** The hub store and epoch the replica mirrors; null until the first pull from a hub. */
  hub: HubIdentity | null;
}

export function readSyncState(db: Replica): SyncStateRow {
  const row = prepareCached(
    db,
    `SELECT hub_url AS hubUrl, cursor, last_success_at AS lastSuccessAt, data_origin AS dataOrigin, auth_token AS token, user_json AS userJson,
            hub_store_id AS storeId, hub_epoch AS epoch FROM sync_state WHERE id = 1`,
  ).get() as Omit<SyncStateRow, 'user' | 'hub'> & { userJson: string | null; storeId: string | null; epoch: string | null };
  const { userJson, storeId, epoch, ...rest } = row;
  return { ...rest, user: userJson ? (JSON.parse(userJson) as HubUser) : null, hub: storeId && epoch ? { storeId, epoch } : null };
}

export function saveSession(db: Replica, session: { hubUrl: string; token: string | null; user: HubUser | null }): void {
  prepareCached(db, 'UPDATE sync_state SET hub_url = ?, auth_token = ?, user_json = ? WHERE id = 1').run(
    session.hubUrl,
    session.token,
    session.user ? JSON.stringify(session.user) : null,
  );
}

export function clearToken(db: Replica): void {
  prepareCached(db, 'UPDATE sync_state SET auth_token = NULL WHERE id = 1').run();
}

export function setCursor(db: Replica, cursor: number): void {
  prepareCached(db, 'UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

export function setHubIdentity(db: Replica, hub: HubIdentity): void {
  prepareCached(db, 'UPDATE sync_state SET hub_store_id = ?, hub_epoch = ? WHERE id = 1').run(hub.storeId, hub.epoch);
}

export function setLastSuccess(db: Replica, at: number): void {
  prepareCached(db, 'UPDATE sync_state SET last_success_at = ? WHERE id = 1').run(at);
}

/** Drops every entity row and the shadow and starts the cursor over: the replica will mirror a (new) hub. */
export function resetForHub(db: Replica): void {
  clearEntities(db);
  prepareCached(db, 'DELETE FROM shadow').run();
  prepareCached(db, "UPDATE sync_state SET cursor = 0, data_origin = 'hub', hub_store_id = NULL, hub_epoch = NULL WHERE id = 1").run();
}

export function dataOrigin(db: Replica): DataOrigin {
  return prepareCached(db, 'SELECT data_origin FROM sync_state WHERE id = 1').pluck().get() as DataOrigin;
}

export function markDemo(db: Replica): void {
  prepareCached(db, "UPDATE sync_state SET data_origin = 'demo' WHERE id = 1").run();
}
