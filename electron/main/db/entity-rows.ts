import { entitySql, sqliteDialect } from '../../../db-common/entity-sql';
import { childCells, entityTable, entityTablesChildrenFirst, rowFromColumns, rowToCells } from '../../../db-common/entity-tables';
import { prepareCached, sqliteCells } from '../../../db-common/sqlite-statement-cache';
import type { Booking, CancellationReasonCode } from '../../../shared/domain/entities';
import type { EntityName, EntityRow } from '../../../shared/sync/synced-entities';
import type { Replica } from './open-replica';

/**
 * Every synced entity ↔ the replica's relational tables (migrations 001 and 003), through the
 * mapping the hub uses too (db-common/entity-tables.ts): read a row back as its domain object,
 * write one (upsert, children replaced), delete one. Pull, the replica's MutationTx and the
 * shadow table all go through here. Replica rows carry `version` and the hub's `change_number`
 * (0 for rows that exist only here).
 */

const STAMP_COLUMNS = ['version', 'change_number'] as const;

function sqlOf(entity: EntityName) {
  const spec = entityTable(entity);
  return { spec, sql: entitySql(sqliteDialect, spec, spec.versioned ? STAMP_COLUMNS : ['change_number']) };
}

export function readEntity<E extends EntityName>(db: Replica, entity: E, id: string): EntityRow<E> | undefined {
  const { spec, sql } = sqlOf(entity);
  const row = prepareCached(db, sql.selectOne).get(id) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const children = sql.children.map((child) => prepareCached(db, child.selectOfParent).all(id) as Record<string, unknown>[]);
  return rowFromColumns(spec, row, children) as EntityRow<E>;
}

export function writeEntity<E extends EntityName>(db: Replica, entity: E, row: EntityRow<E>, version: number, changeNumber: number): void {
  const { spec, sql } = sqlOf(entity);
  const stamp = spec.versioned ? [version, changeNumber] : [changeNumber];
  prepareCached(db, sql.upsert).run(sqliteCells([...rowToCells(spec, row), ...stamp]));
  if (sql.children.length === 0) return;
  const key = (row as Record<string, unknown>)[spec.key] as string;
  for (const child of sql.children) {
    prepareCached(db, child.deleteOfParent).run(key);
    const insert = prepareCached(db, child.insert);
    for (const cells of childCells(spec, child.spec, key, row)) insert.run(sqliteCells(cells));
  }
}

/** Children go with their parent (ON DELETE CASCADE). */
export function deleteEntity(db: Replica, entity: EntityName, id: string): void {
  prepareCached(db, sqlOf(entity).sql.delete).run(id);
}

/** The stored version and change number of a row, or undefined when it does not exist. */
export function rowStamp(db: Replica, entity: EntityName, id: string): { version: number; changeNumber: number } | undefined {
  const t = entityTable(entity);
  const columns = t.versioned ? 'version, change_number AS changeNumber' : '0 AS version, change_number AS changeNumber';
  return prepareCached(db, `SELECT ${columns} FROM ${t.table} WHERE ${t.key} = ?`).get(id) as { version: number; changeNumber: number } | undefined;
}

/** Empties every entity table (not the outbox, shadow or sync state); children go with their parents. */
export function clearEntities(db: Replica): void {
  for (const entity of entityTablesChildrenFirst) {
    for (const child of entityTable(entity).children) prepareCached(db, `DELETE FROM ${child.table}`).run();
    prepareCached(db, `DELETE FROM ${entityTable(entity).table}`).run();
  }
}

export function countRows(db: Replica, entity: EntityName): number {
  return prepareCached(db, `SELECT COUNT(*) FROM ${entityTable(entity).table}`).pluck().get() as number;
}

export function bookingFromSql(b: Record<string, unknown>): Booking {
  return rowFromColumns(entityTable('booking'), b);
}

export function reasonCodeFromSql(r: Record<string, unknown>): CancellationReasonCode {
  return rowFromColumns(entityTable('reasonCode'), r);
}
