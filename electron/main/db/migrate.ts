import type { Database } from 'better-sqlite3';
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

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date. All pending steps and the version bump run in one transaction,
 * so a failure leaves the file exactly as it was.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): { from: number; to: number } {
  assertOrdered(migrations);
  const from = assertNotNewer(db, migrations.length);
  const target = migrations.length;
  const pending = migrations.slice(from);
  db.transaction(() => {
    for (const step of pending) step.up(db);
    db.pragma(`user_version = ${target}`);
  })();
  return { from, to: target };
}

/** Returns the file's schema version, or throws if a newer app wrote it. */
export function assertNotNewer(db: Database, known: number = allMigrations.length): number {
  const version = schemaVersion(db);
  if (version > known) throw new NewerDatabaseError(version, known);
  return version;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version} but is number ${index + 1} in the list.`);
    }
  });
}
