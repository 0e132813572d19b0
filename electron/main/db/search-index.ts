import { indexedTables, indexOf, indexRows } from './migrations/005-search-comments-and-views';
import type { Replica } from './open-replica';
import { prepareCached } from '../../../db-common/sqlite-statement-cache';

/**
 * Bulk writes (a full download, the demo seed) switch the search index's row-by-row upkeep off
 * and rebuild every index in one pass at the end: one pass over 100,000 work orders costs a
 * fraction of 100,000 trigger runs. Both steps must run inside the write's transaction, so
 * nobody ever sees rows without their index entries (and a rollback undoes the switch too).
 */
export function suspendSearchIndex(db: Replica): void {
  if (!db.inTransaction) throw new Error('The search index may only be suspended inside a transaction');
  prepareCached(db, 'UPDATE search_state SET suspended = 1').run();
}

/** Rebuilds every index from its table and turns row-by-row upkeep back on. */
export function resumeSearchIndex(db: Replica): void {
  rebuildSearchIndexes(db);
  prepareCached(db, 'UPDATE search_state SET suspended = 0').run();
}

export function withSearchIndexSuspended<T>(db: Replica, work: () => T): T {
  suspendSearchIndex(db);
  const result = work();
  resumeSearchIndex(db);
  return result;
}

export function rebuildSearchIndexes(db: Replica): void {
  for (const table of indexedTables) {
    const index = indexOf[table];
    prepareCached(db, `INSERT INTO ${index} (${index}) VALUES ('delete-all')`).run();
    prepareCached(db, indexRows(table, '1')).run();
  }
}
