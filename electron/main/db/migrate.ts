import type { Database } from 'better-sqlite3';
import { migrateSqlite, refuseNewerSqlite, sqliteSchemaVersion } from '../../../db-common/sqlite-migrate';
import { migrations as allMigrations, type Migration } from './migrations';

export class NewerDatabaseError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This replica was written by a newer Dispatch Desk (schema ${databaseVersion}, this app knows ${appVersion}). ` +
        'Update the app; the file has not been changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

const newer = (found: number, known: number) => new NewerDatabaseError(found, known);

export const schemaVersion = sqliteSchemaVersion;

/** Brings the schema up to date (db-common's runner: every pending step in one transaction). */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): { from: number; to: number } {
  return migrateSqlite(db, migrations, newer);
}

/** Returns the file's schema version, or throws if a newer app wrote it. */
export function assertNotNewer(db: Database, known: number = allMigrations.length): number {
  return refuseNewerSqlite(db, known, newer);
}
