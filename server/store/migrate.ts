import type Database from 'better-sqlite3';
import { OperatorError } from '../operator-error';
import { hubMigrations, type HubMigration } from './migrations/index';

/**
 * Brings the file up to this hub's schema. A file written by a newer hub is refused rather
 * than guessed at: an older hub could silently drop what it does not understand.
 */
export function migrate(db: Database.Database, file: string, migrations: readonly HubMigration[] = hubMigrations): void {
  const current = refuseNewerStore(db, file, migrations);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Answers the file's schema version, or throws when a newer hub wrote it. Call it before
 * anything that writes (even `journal_mode`), so a refused file stays exactly as it was.
 */
export function refuseNewerStore(db: Database.Database, file: string, migrations: readonly HubMigration[] = hubMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new OperatorError(`${file} has schema version ${current}, newer than this hub understands (${migrations.length}); upgrade the hub.`);
  }
  return current;
}
