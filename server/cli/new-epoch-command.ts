import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../store/migrate';
import { PostgresHubStore } from '../store/postgres-hub-store';
import { SQLITE_STORE_FILE } from '../store/sqlite-hub-store';
import { lineageFile, recordLineage, startNewEpoch } from '../store/store-lineage';
import { UsageError, type NewEpochOptions } from './hub-options';

/**
 * Starts a new epoch, so every console downloads everything again and keeps its unsent changes.
 * Run it after putting a PostgreSQL backup back (pg_restore): change numbers after a restore
 * repeat ones consoles already hold. Hub instances may keep running: consoles are told at once.
 * (`hub restore` does this itself for SQLite; there the hub must be stopped.)
 */
export async function newEpochCommand(options: NewEpochOptions): Promise<void> {
  const identity = options.store.engine === 'postgres' ? await newPostgresEpoch(options.store.url) : newSqliteEpoch(options.store.data);
  process.stdout.write(`${JSON.stringify({ event: 'new-epoch', storeId: identity.storeId, epoch: identity.epoch })}\n`);
}

async function newPostgresEpoch(url: string) {
  const store = await PostgresHubStore.open(url);
  try {
    return await store.transaction(async (tx) => {
      const identity = await tx.startNewEpoch();
      // Consoles listening through any instance hear of it now rather than at their next pull.
      await tx.announceChange();
      return identity;
    });
  } finally {
    await store.close();
  }
}

function newSqliteEpoch(data: string) {
  const file = join(data, SQLITE_STORE_FILE);
  if (!existsSync(file)) throw new UsageError(`There is no hub store in ${data} (no ${SQLITE_STORE_FILE}).`);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
    startNewEpoch(db);
    return recordLineage(db, lineageFile(file));
  } finally {
    db.close();
  }
}
