import { AsyncMutex } from '../../../db-common/async-mutex';
import type { Replica } from './open-replica';

/**
 * better-sqlite3 is synchronous but MutationTx is async, so a write transaction spans awaits.
 * One lock per replica (db-common's AsyncMutex, the same the hub store uses): only one
 * BEGIN IMMEDIATE … COMMIT runs at a time in this process (another process waits on SQLite's
 * own lock via busy_timeout).
 */
const locks = new WeakMap<Replica, AsyncMutex>();

export async function withWriteTransaction<T>(db: Replica, work: () => Promise<T>, options: { foreignKeys?: 'checkAtEnd' } = {}): Promise<T> {
  let lock = locks.get(db);
  if (!lock) locks.set(db, (lock = new AsyncMutex()));
  return lock.run(async () => {
    // Bulk writes (a whole snapshot) check references once at the end instead of row by row;
    // the pragma only changes outside a transaction.
    const checkAtEnd = options.foreignKeys === 'checkAtEnd';
    if (checkAtEnd) db.pragma('foreign_keys = OFF');
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        if (checkAtEnd) assertReferencesHold(db);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      if (checkAtEnd) db.pragma('foreign_keys = ON');
    }
  });
}

export class BrokenReferencesError extends Error {
  constructor(readonly count: number, example: string) {
    super(`${count} rows refer to rows that are not there (first: ${example}); nothing was written.`);
    this.name = 'BrokenReferencesError';
  }
}

function assertReferencesHold(db: Replica): void {
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  const first = broken[0];
  if (first) throw new BrokenReferencesError(broken.length, `${first.table} row ${first.rowid} → ${first.parent}`);
}

let savepoints = 0;

/** Runs `work` in a SAVEPOINT: kept when it resolves to true, rolled back (and the error rethrown) otherwise. */
export async function withSavepoint(db: Replica, work: () => Promise<boolean>): Promise<boolean> {
  const name = `sp_${++savepoints}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const keep = await work();
    if (!keep) db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    return keep;
  } catch (error) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw error;
  }
}
