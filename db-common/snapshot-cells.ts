import type { EntityName, EntityRow } from '../shared/sync/synced-entities';
import { entityTable, rowFromColumns, type EntityTable } from './entity-tables';

/**
 * One row of a first-sync snapshot as a flat array, straight from the hub's table row: the
 * entity's columns in mapping order, then version and change number, then one array per child
 * table (each child row its columns without the parent key). Compact (no field names repeated
 * 300,000 times) and cheap on both sides: the hub copies columns, the console decodes with the
 * same mapping the replica writes with.
 */
export type SnapshotCells = unknown[];

/** Builds a snapshot row from a table row (by column name), its change number and its children. */
export function encodeSnapshotRow(spec: EntityTable, columns: Record<string, unknown>, changeNumber: number, children: readonly Record<string, unknown>[][]): SnapshotCells {
  const cells: unknown[] = spec.columns.map((c) => columns[c.column] ?? null);
  cells.push(spec.versioned ? Number(columns.version) : 0, changeNumber);
  spec.children.forEach((child, i) => {
    const names = [...(child.idColumn ? [child.idColumn.column] : []), ...child.columns.map((c) => c.column)];
    cells.push((children[i] ?? []).map((item) => names.map((n) => item[n] ?? null)));
  });
  return cells;
}

export interface DecodedSnapshotRow<E extends EntityName> {
  row: EntityRow<E>;
  version: number;
  changeNumber: number;
}

/** The domain row of a snapshot row (not yet validated: the caller parses it with the entity's schema). */
export function decodeSnapshotRow<E extends EntityName>(entity: E, cells: SnapshotCells): DecodedSnapshotRow<E> {
  const spec = entityTable(entity) as EntityTable;
  const expected = spec.columns.length + 2 + spec.children.length;
  if (cells.length !== expected) throw new Error(`a ${entity} snapshot row has ${cells.length} cells, not ${expected}`);
  const columns: Record<string, unknown> = {};
  spec.columns.forEach((c, i) => (columns[c.column] = cells[i]));
  const version = cells[spec.columns.length];
  const changeNumber = cells[spec.columns.length + 1];
  columns.version = version;
  const children = spec.children.map((child, i) => {
    const items = cells[spec.columns.length + 2 + i];
    if (!Array.isArray(items)) throw new Error(`a ${entity} snapshot row's ${child.field} is not a list`);
    const names = [...(child.idColumn ? [child.idColumn.column] : []), ...child.columns.map((c) => c.column)];
    return items.map((item) => {
      if (!Array.isArray(item) || item.length !== names.length) throw new Error(`a ${entity} snapshot row has a malformed ${child.field} item`);
      return Object.fromEntries(names.map((n, j) => [n, item[j]]));
    });
  });
  if (typeof version !== 'number' || typeof changeNumber !== 'number') throw new Error(`a ${entity} snapshot row has no version or change number`);
  return { row: rowFromColumns(spec as EntityTable<E>, columns, children), version, changeNumber };
}
