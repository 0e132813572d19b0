import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { assertNotNewer, migrate } from './migrate';

export type Replica = Database.Database;

export interface OpenReplicaOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); Node uses the default. */
  nativeBinding?: string;
}

export const REPLICA_FILE_NAME = 'dispatch-desk-replica.sqlite';

/**
 * Opens (creating if needed) the console's replica. WAL lets readers work while a write runs;
 * synchronous=FULL because the replica can hold changes nobody else has yet (the outbox).
 */
export function openReplica(file: string, options: OpenReplicaOptions = {}): Replica {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Checked before any pragma that writes, so a newer app's file is left byte-for-byte alone.
    assertNotNewer(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
