import { entitySql, insertSql, type EntitySql } from '../../db-common/entity-sql';
import { childCells, entityTable, rowFromColumns, rowToCells, type EntityTable } from '../../db-common/entity-tables';
import type { EntityName, EntityRow } from '../../shared/sync/synced-entities';
import { appendSnapshotChildren, snapshotSelectList } from '../../db-common/snapshot-cells';
import type { SqlExecutor } from './sql-executor';

/**
 * Entity rows in the hub's tables, through the mapping the console replica uses too
 * (db-common/entity-tables.ts). The hub's tables carry `version` (not the replica's
 * change_number: change numbers live in row_changes).
 */

type Sql = Record<string, unknown>;

function sqlFor(ex: SqlExecutor, entity: EntityName): { spec: EntityTable; sql: EntitySql } {
  const spec = entityTable(entity) as EntityTable;
  return { spec, sql: entitySql(ex.dialect, spec, spec.versioned ? ['version'] : []) };
}

/** One row with its children; `lock` takes the row lock (PostgreSQL) so a racing writer waits for this transaction. */
export async function readRow<E extends EntityName>(ex: SqlExecutor, entity: E, id: string, lock: boolean): Promise<EntityRow<E> | undefined> {
  const { spec, sql } = sqlFor(ex, entity);
  const [row] = await ex.all<Sql>(lock ? `${sql.selectOne} FOR UPDATE` : sql.selectOne, [id]);
  if (!row) return undefined;
  const children: Sql[][] = [];
  for (const child of sql.children) children.push(await ex.all<Sql>(child.selectOfParent, [id]));
  return rowFromColumns(spec, row, children) as EntityRow<E>;
}

/** Rows by key (missing keys are left out), each with its children. */
export async function readRows(ex: SqlExecutor, entity: EntityName, ids: readonly string[]): Promise<Map<string, unknown>> {
  const { spec, sql } = sqlFor(ex, entity);
  const found = new Map<string, unknown>();
  if (ids.length === 0) return found;
  const rows = await ex.all<Sql>(sql.selectMany, [ex.dialect.keyList(ids)]);
  const children = await childrenOf(ex, sql, ids);
  for (const row of rows) {
    const key = row[spec.key] as string;
    found.set(key, rowFromColumns(spec, row, children.map((byParent) => byParent.get(key) ?? [])));
  }
  return found;
}

export async function readAll<E extends EntityName>(ex: SqlExecutor, entity: E): Promise<EntityRow<E>[]> {
  const { spec, sql } = sqlFor(ex, entity);
  const rows = await ex.all<Sql>(sql.selectAll);
  const keys = rows.map((r) => r[spec.key] as string);
  const children = await childrenOf(ex, sql, keys);
  return rows.map((row, i) => rowFromColumns(spec, row, children.map((byParent) => byParent.get(keys[i]!) ?? [])) as EntityRow<E>);
}

/** Each child table's rows of these parents, by parent (one query per child table; one connection runs one query at a time). */
async function childrenOf(ex: SqlExecutor, sql: EntitySql, keys: readonly string[]): Promise<Map<string, Sql[]>[]> {
  const tables: Map<string, Sql[]>[] = [];
  for (const child of sql.children) tables.push(groupBy(await ex.all<Sql>(child.selectOfParents, [ex.dialect.keyList(keys)]), child.spec.parentColumn));
  return tables;
}

function groupBy(rows: readonly Sql[], column: string): Map<string, Sql[]> {
  const groups = new Map<string, Sql[]>();
  for (const row of rows) {
    const key = row[column] as string;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return groups;
}

/**
 * Every live row of one entity as snapshot cells (db-common/snapshot-cells.ts), `size` rows at
 * a time, read as arrays straight in the snapshot's layout (children appended per chunk).
 * SQLite walks row_changes' key (entity, id) one stretch per query; PostgreSQL reads one join
 * through a cursor (keyset queries there would re-plan and, with fresh statistics, sort the
 * rest of the table for every stretch).
 */
export async function* snapshotCells(ex: SqlExecutor, entity: EntityName, size: number): AsyncGenerator<unknown[][]> {
  const { spec, sql } = sqlFor(ex, entity);
  const p = ex.dialect.param;
  const select = `SELECT ${snapshotSelectList(spec)}, c.id FROM row_changes c JOIN ${spec.table} t ON t.${spec.key} = c.id`;
  const chunk = async (rows: unknown[][]) => {
    // The trailing c.id keys the children (and the next stretch); it is not a cell.
    const keys = rows.map((row) => row.pop() as string);
    if (sql.children.length === 0) return rows;
    const children = await childrenOf(ex, sql, keys);
    rows.forEach((cells, i) => appendSnapshotChildren(spec, cells, children.map((byParent) => byParent.get(keys[i]!) ?? [])));
    return rows;
  };
  if (ex.dialect.name === 'postgres') {
    // The entity name is one of ours (entityTables), never input.
    await ex.exec(`DECLARE snapshot_rows NO SCROLL CURSOR FOR ${select} WHERE c.entity = '${entity}'`);
    try {
      for (let rows = await ex.arrays(`FETCH ${size} FROM snapshot_rows`); rows.length > 0; rows = await ex.arrays(`FETCH ${size} FROM snapshot_rows`)) yield await chunk(rows);
    } finally {
      await ex.exec('CLOSE snapshot_rows');
    }
    return;
  }
  for (let after: string | null = null; ; ) {
    const rows: unknown[][] = await ex.arrays(
      `${select} WHERE c.entity = ${p(1)} ${after === null ? '' : `AND c.id > ${p(2)}`} ORDER BY c.id LIMIT ${p(after === null ? 2 : 3)}`,
      after === null ? [entity, size] : [entity, after, size],
    );
    if (rows.length === 0) return;
    after = rows.at(-1)!.at(-1) as string;
    yield await chunk(rows);
  }
}

/** Upserts the row with `version` and replaces its children. */
export async function writeRow<E extends EntityName>(ex: SqlExecutor, entity: E, key: string, row: EntityRow<E>, version: number): Promise<void> {
  const { spec, sql } = sqlFor(ex, entity);
  await ex.run(sql.upsert, [...rowToCells(spec, row), ...(spec.versioned ? [version] : [])]);
  for (const child of sql.children) {
    await ex.run(child.deleteOfParent, [key]);
    for (const cells of childCells(spec, child.spec, key, row)) await ex.run(child.insert, cells);
  }
}

/** Deletes the row; its children go with it (ON DELETE CASCADE), rows referring to it must be gone by commit. */
export async function deleteRow(ex: SqlExecutor, entity: EntityName, id: string): Promise<void> {
  await ex.run(sqlFor(ex, entity).sql.delete, [id]);
}

/** Rows per INSERT in bulk loads: well under both engines' parameter limits. */
const BULK_ROWS = 400;

/** Inserts new rows (none may exist yet) many to a statement: bulk loads. */
export async function insertRows(ex: SqlExecutor, entity: EntityName, rows: readonly { key: string; row: unknown; version: number }[]): Promise<void> {
  const { spec, sql } = sqlFor(ex, entity);
  const cells = rows.map(({ row, version }) => [...rowToCells(spec, row as never), ...(spec.versioned ? [version] : [])]);
  await insertChunked(ex, spec.table, sql.columns, cells);
  for (const child of sql.children) {
    const childRows = rows.flatMap(({ key, row }) => childCells(spec, child.spec, key, row as never));
    await insertChunked(ex, child.spec.table, child.columns, childRows);
  }
}

async function insertChunked(ex: SqlExecutor, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  for (let from = 0; from < rows.length; from += BULK_ROWS) {
    const chunk = rows.slice(from, from + BULK_ROWS);
    await ex.run(insertSql(ex.dialect, table, columns, chunk.length), chunk.flat());
  }
}
