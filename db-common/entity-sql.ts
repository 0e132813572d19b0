import { childColumnNames, type ChildSpec, type EntityTable } from './entity-tables';

/**
 * SQL text for the entity tables, generated once per dialect from the mapping in
 * entity-tables.ts. The two engines differ in placeholders, how a list of keys travels as one
 * parameter, and what keeps child rows in insertion order; everything else is the same text
 * (`INSERT … ON CONFLICT (…) DO UPDATE SET x = excluded.x` works in both).
 */
export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  /** The placeholder of the i-th parameter (1-based). */
  param(i: number): string;
  /** `column IN <list>` where the list is one array parameter (see `keyList`). */
  inList(column: string, i: number): string;
  /** What to bind for `inList`: SQLite takes JSON text, PostgreSQL an array. */
  keyList(keys: readonly string[]): unknown;
  /** Column that orders child rows as they were inserted (SQLite's rowid; an identity column in PostgreSQL). */
  insertionOrder: string;
}

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  param: () => '?',
  inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
  keyList: (keys) => JSON.stringify(keys),
  insertionOrder: 'rowid',
};

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  param: (i) => `$${i}`,
  inList: (column, i) => `${column} = ANY($${i}::text[])`,
  keyList: (keys) => keys,
  insertionOrder: 'seq',
};

const params = (dialect: SqlDialect, count: number, from = 1) => Array.from({ length: count }, (_, i) => dialect.param(from + i)).join(', ');

/** INSERT of `rows` rows at once (bulk loads). */
export function insertSql(dialect: SqlDialect, table: string, columns: readonly string[], rows = 1): string {
  const values = Array.from({ length: rows }, (_, r) => `(${params(dialect, columns.length, r * columns.length + 1)})`).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`;
}

export function upsertSql(dialect: SqlDialect, table: string, key: string, columns: readonly string[]): string {
  const updates = columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
  return `${insertSql(dialect, table, columns)} ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`;
}

export interface EntitySql {
  /** Column names of the upsert, in bind order: the row's columns, then `extra`. */
  columns: readonly string[];
  upsert: string;
  selectOne: string;
  /** Every row whose key is in one list parameter. */
  selectMany: string;
  selectAll: string;
  delete: string;
  children: readonly ChildSql[];
}

export interface ChildSql {
  spec: ChildSpec;
  columns: readonly string[];
  insert: string;
  deleteOfParent: string;
  /** Child rows of one parent, in stored order. */
  selectOfParent: string;
  /** Child rows of every parent in one list parameter, by parent then stored order. */
  selectOfParents: string;
}

const cache = new Map<string, EntitySql>();

/**
 * The statements of one entity table. `extra` are store-specific columns written after the
 * row's own (the replica: version and change_number; the hub: version).
 */
export function entitySql(dialect: SqlDialect, spec: EntityTable, extra: readonly string[]): EntitySql {
  const cacheKey = `${dialect.name}|${spec.entity}|${extra.join(',')}`;
  let sql = cache.get(cacheKey);
  if (sql) return sql;
  const columns = [...spec.columns.map((c) => c.column), ...extra];
  const select = `SELECT * FROM ${spec.table}`;
  sql = {
    columns,
    upsert: upsertSql(dialect, spec.table, spec.key, columns),
    selectOne: `${select} WHERE ${spec.key} = ${dialect.param(1)}`,
    selectMany: `${select} WHERE ${dialect.inList(spec.key, 1)}`,
    selectAll: `${select} ORDER BY ${spec.key}`,
    delete: `DELETE FROM ${spec.table} WHERE ${spec.key} = ${dialect.param(1)}`,
    children: spec.children.map((child) => childSql(dialect, child)),
  };
  cache.set(cacheKey, sql);
  return sql;
}

function childSql(dialect: SqlDialect, child: ChildSpec): ChildSql {
  const columns = childColumnNames(child);
  const order = dialect.insertionOrder;
  return {
    spec: child,
    columns,
    insert: insertSql(dialect, child.table, columns),
    deleteOfParent: `DELETE FROM ${child.table} WHERE ${child.parentColumn} = ${dialect.param(1)}`,
    selectOfParent: `SELECT * FROM ${child.table} WHERE ${child.parentColumn} = ${dialect.param(1)} ORDER BY ${order}`,
    selectOfParents: `SELECT * FROM ${child.table} WHERE ${dialect.inList(child.parentColumn, 1)} ORDER BY ${child.parentColumn}, ${order}`,
  };
}
