import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * Prepares each distinct SQL text once per connection. Preparing is far more expensive than
 * running: an initial sync or a bulk load writes hundreds of thousands of rows through a
 * handful of statements.
 */
export function prepareCached(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** SQLite has no booleans: the mapping's true/false are bound as 1/0. */
export function sqliteCells(cells: readonly unknown[]): unknown[] {
  return cells.map((c) => (c === true ? 1 : c === false ? 0 : c));
}
