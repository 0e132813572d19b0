import type { Database } from 'better-sqlite3';

/** One schema step of a SQLite file. Versions are consecutive from 1; `PRAGMA user_version` records the last one applied. */
export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database): void;
}

export function sqliteSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * The one migration runner of the replica and the hub's SQLite store. All pending steps and the
 * version bump run in ONE transaction, so a failure leaves the file exactly as it was; a file
 * written by a newer program is refused (`newer` makes the error) before anything writes.
 */
export function migrateSqlite(db: Database, migrations: readonly SqliteMigration[], newer: (found: number, known: number) => Error): { from: number; to: number } {
  assertOrdered(migrations);
  const from = refuseNewerSqlite(db, migrations.length, newer);
  const to = migrations.length;
  if (from === to) return { from, to };
  db.transaction(() => {
    for (const step of migrations.slice(from)) step.up(db);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to };
}

/** Answers the file's schema version, or throws `newer(…)` when a newer program wrote it. Writes nothing. */
export function refuseNewerSqlite(db: Database, known: number, newer: (found: number, known: number) => Error): number {
  const found = sqliteSchemaVersion(db);
  if (found > known) throw newer(found, known);
  return found;
}

function assertOrdered(migrations: readonly { version: number; name: string }[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration "${m.name}" has version ${m.version} but is number ${index + 1} in the list.`);
  });
}
