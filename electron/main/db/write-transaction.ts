import { AsyncMutex } from '../../../db-common/async-mutex';
import type { Replica } from './open-replica';

/**
 * better-sqlite3 is synchronous but MutationTx is async, so a write transaction spans awaits.
 * One lock per replica (db-common's AsyncMutex, the same the hub store uses): only one
 * BEGIN IMMEDIATE … COMMIT runs at a time in this process (another process waits on SQLite's
 * own lock via busy_timeout).
 */
const locks = new WeakMap<Replica, AsyncMutex>();

export async function withWriteTransaction<T>(db: Replica, work: () => Promise<T>): Promise<T> {
  let lock = locks.get(db);
  if (!lock) locks.set(db, (lock = new AsyncMutex()));
  return lock.run(async () => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  });
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
