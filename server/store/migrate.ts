import type Database from 'better-sqlite3';
import { migrateSqlite, refuseNewerSqlite, type SqliteMigration } from '../../db-common/sqlite-migrate';
import { OperatorError } from '../operator-error';
import { hubMigrations, type HubMigration } from './migrations/index';

/**
 * Brings a SQLite store up to this hub's schema (db-common's runner: every pending step in one
 * transaction). A file written by a newer hub is refused rather than guessed at: an older hub
 * could silently drop what it does not understand.
 */
export function migrate(db: Database.Database, file: string, migrations: readonly HubMigration[] = hubMigrations): void {
  migrateSqlite(db, migrations.map(sqliteStep), newerStore(file));
}

/**
 * Answers the file's schema version, or throws when a newer hub wrote it. Call it before
 * anything that writes (even `journal_mode`), so a refused file stays exactly as it was.
 */
export function refuseNewerStore(db: Database.Database, file: string, migrations: readonly HubMigration[] = hubMigrations): number {
  return refuseNewerSqlite(db, migrations.length, newerStore(file));
}

function newerStore(file: string) {
  return (found: number, known: number) => new OperatorError(`${file} has schema version ${found}, newer than this hub understands (${known}); upgrade the hub.`);
}

function sqliteStep(step: HubMigration): SqliteMigration {
  const { sqlite } = step;
  return { version: step.version, name: step.name, up: (db) => (typeof sqlite === 'string' ? db.exec(sqlite) : sqlite(db)) };
}
