import type { Migration } from './migration';

/**
 * Sync hardening. `sync_state` remembers which hub (store id) and which life of it (epoch) the
 * replica mirrors. `pull_stage` holds the pages of a pull until the last one arrives: the pull
 * is then applied in one transaction, so a page boundary between a row and the parent it
 * references can never fail a commit, and a dropped connection resumes where it stopped.
 * The outbox gains the 'failed' state: a mutation the hub kept failing on (server errors) waits
 * in the sync-issues panel with its last error instead of blocking every change behind it.
 */
export const hubIdentityAndPullStage: Migration = {
  version: 4,
  name: 'hub identity, staged pulls and failed outbox entries',
  up(db) {
    db.exec(`
      ALTER TABLE sync_state ADD COLUMN hub_store_id TEXT;
      ALTER TABLE sync_state ADD COLUMN hub_epoch TEXT;
      CREATE TABLE pull_stage_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        store_id TEXT NOT NULL, epoch TEXT NOT NULL,
        base_cursor INTEGER NOT NULL, cursor INTEGER NOT NULL,
        replaces_all INTEGER NOT NULL CHECK (replaces_all IN (0, 1)));
      CREATE TABLE pull_stage (seq INTEGER PRIMARY KEY AUTOINCREMENT, changes_json TEXT NOT NULL);

      CREATE TABLE outbox_new (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, args_json TEXT NOT NULL,
        created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('pending', 'refused', 'failed')),
        refusal_reason TEXT, last_error TEXT, refusal_code TEXT, server_errors INTEGER NOT NULL DEFAULT 0);
      INSERT INTO outbox_new (seq, mutation_id, name, args_json, created_at, attempts, state, refusal_reason, last_error, refusal_code)
        SELECT seq, mutation_id, name, args_json, created_at, attempts, state, refusal_reason, last_error, refusal_code FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_new RENAME TO outbox;
    `);
  },
};
