import type { HubMigration } from './migration';

/**
 * Every synced entity lives in one `rows` table (JSON data, checked by the shared zod schemas
 * on write), stamped with the global change number of its last change so pull can page by it.
 * `booking_slots` mirrors each booking's technician and time so overlap checks use an index.
 */
export const rowsAndSync: HubMigration = {
  version: 1,
  name: 'synced rows, change counter, booking slots, applied mutations',
  sqlite: `
    CREATE TABLE rows (
      entity TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      change_number INTEGER NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      data TEXT,
      PRIMARY KEY (entity, id)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX rows_by_change ON rows (change_number);

    CREATE TABLE change_counter (only INTEGER PRIMARY KEY CHECK (only = 1), latest INTEGER NOT NULL);
    INSERT INTO change_counter (only, latest) VALUES (1, 0);

    CREATE TABLE booking_slots (
      booking_id TEXT PRIMARY KEY,
      resource_id TEXT NOT NULL,
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      active INTEGER NOT NULL
    );
    CREATE INDEX booking_slots_by_resource ON booking_slots (resource_id, start_ms);
    CREATE INDEX booking_slots_by_start ON booking_slots (start_ms);

    CREATE TABLE applied_mutations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      args_hash TEXT NOT NULL,
      outcome_json TEXT NOT NULL,
      user_id TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    );
  `,
};
