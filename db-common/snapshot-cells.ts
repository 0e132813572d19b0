import type { EntityName, EntityRow } from '../shared/sync/synced-entities';
import { decodeCell, entityTable, type ChildSpec, type EntityTable } from './entity-tables';

/**
 * One row of a first-sync snapshot as a flat array, straight from the hub's table row: the
 * entity's columns in mapping order, then version and change number, then one array per child
 * table (each child row its columns without the parent key). Compact (no field names repeated
 * 300,000 times) and cheap on both sides: the hub copies columns, the console decodes with the
 * same mapping the replica writes with.
 */
export type SnapshotCells = unknown[];

/** A child item's cells: its columns without the parent key. */
const childItemColumns = (child: ChildSpec) => [...(child.idColumn ? [child.idColumn.column] : []), ...child.columns.map((c) => c.column)];

/**
 * The select list (table alias `t`, row_changes alias `c`) whose result row, read as an array, is
 * a snapshot row's leading cells as they are: the hub reads them without building an object per row.
 */
export function snapshotSelectList(spec: EntityTable): string {
  return [...spec.columns.map((c) => `t.${c.column}`), spec.versioned ? 't.version' : '0', 'c.change_number'].join(', ');
}

/** Appends each child table's items (by column name; each item its columns without the parent key) to a row's cells. */
export function appendSnapshotChildren(spec: EntityTable, cells: unknown[], children: readonly Record<string, unknown>[][]): void {
  spec.children.forEach((child, i) => {
    const names = childItemColumns(child);
    cells.push((children[i] ?? []).map((item) => names.map((n) => item[n] ?? null)));
  });
}

export interface DecodedSnapshotRow<E extends EntityName> {
  row: EntityRow<E>;
  version: number;
  changeNumber: number;
}

/**
 * The domain row of a snapshot row (not yet validated: the caller parses it with the entity's
 * schema). Built straight from the cells, the same decoding rowFromColumns applies to a table row.
 */
export function decodeSnapshotRow<E extends EntityName>(entity: E, cells: unknown): DecodedSnapshotRow<E> {
  const spec = entityTable(entity) as EntityTable;
  const own = spec.columns.length;
  const expected = own + 2 + spec.children.length;
  if (!Array.isArray(cells)) throw new Error(`a ${entity} snapshot row is not a list of cells`);
  if (cells.length !== expected) throw new Error(`a ${entity} snapshot row has ${cells.length} cells, not ${expected}`);
  const version = cells[own];
  const changeNumber = cells[own + 1];
  if (typeof version !== 'number' || typeof changeNumber !== 'number') throw new Error(`a ${entity} snapshot row has no version or change number`);
  const row: Record<string, unknown> = {};
  for (let i = 0; i < own; i++) row[spec.columns[i]!.field] = decodeCell(spec.columns[i]!, cells[i]);
  spec.children.forEach((child, i) => (row[child.field] = decodeChildItems(entity, child, cells[own + 2 + i])));
  if (spec.versionInRow) row.version = version;
  return { row: row as EntityRow<E>, version, changeNumber };
}

/** A child table's items of one snapshot row: scalars, or objects of the child's fields (the derived id column skipped). */
function decodeChildItems(entity: EntityName, child: ChildSpec, items: unknown): unknown[] {
  if (!Array.isArray(items)) throw new Error(`a ${entity} snapshot row's ${child.field} is not a list`);
  const width = childItemColumns(child).length;
  const skip = child.idColumn ? 1 : 0;
  const scalar = child.columns.length === 1 && child.columns[0]!.field === '';
  return items.map((item: unknown) => {
    if (!Array.isArray(item) || item.length !== width) throw new Error(`a ${entity} snapshot row has a malformed ${child.field} item`);
    if (scalar) return decodeCell(child.columns[0]!, item[skip]);
    return Object.fromEntries(child.columns.map((c, j) => [c.field, decodeCell(c, item[skip + j])]));
  });
}
