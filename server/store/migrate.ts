import type Database from 'better-sqlite3';
import { OperatorError } from '../operator-error';
import { hubMigrations } from './migrations/index';

/**
 * Brings the file up to this hub's schema. A file written by a newer hub is refused rather
 * than guessed at: an older hub could silently drop what it does not understand.
 */
export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = hubMigrations.length;
  if (current > known) {
    throw new OperatorError(`${file} has schema version ${current}, newer than this hub understands (${known}); upgrade the hub.`);
  }
  for (const migration of hubMigrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
