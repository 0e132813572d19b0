import type Database from 'better-sqlite3';

/**
 * One schema step of the hub store, the same version number on both engines. Versions are
 * consecutive from 1. A SQLite store records the last step applied in `PRAGMA user_version`, a
 * PostgreSQL store in `schema_version`. Steps 1–3 (the JSON `rows` store) exist only for
 * SQLite; a PostgreSQL store starts at the first step that has a `postgres` form (004, the
 * relational schema) and every later step must have both.
 */
export interface HubMigration {
  version: number;
  name: string;
  /** SQL text, or a function for steps that carry data and need checks between statements. */
  sqlite: string | ((db: Database.Database) => void);
  postgres?: string;
}
