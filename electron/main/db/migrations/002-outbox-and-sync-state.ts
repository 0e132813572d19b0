import type { Migration } from './migration';

/**
 * Local-only bookkeeping for sync: the outbox of mutations the hub has not accepted yet, and
 * the pull cursor. `sync_state` is a single row so reads never need a key.
 */
export const outboxAndSyncState: Migration = {
  version: 2,
  name: 'outbox and sync state',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, args_json TEXT NOT NULL,
        created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('pending', 'refused')),
        refusal_reason TEXT, last_error TEXT);
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT, cursor INTEGER NOT NULL DEFAULT 0, last_success_at INTEGER,
        data_origin TEXT NOT NULL DEFAULT 'empty' CHECK (data_origin IN ('empty', 'demo', 'hub')));
      INSERT INTO sync_state (id) VALUES (1);
    `);
  },
};
