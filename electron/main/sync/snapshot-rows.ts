import { decodeSnapshotRow } from '../../../db-common/snapshot-cells';
import { childCells, entityTable, rowToCells, type EntityTable } from '../../../db-common/entity-tables';
import type { HubIdentity } from '../../../shared/contract/hub-http';
import { SnapshotLineSchema } from '../../../shared/contract/snapshot-stream';
import { entityKey, syncedEntitySchemas, type EntityName, type EntityRow } from '../../../shared/sync/synced-entities';

/**
 * The snapshot stream (shared/contract/snapshot-stream.ts) turned into rows ready for the
 * replica's INSERTs: lines split on bytes, each line parsed and checked, each row decoded,
 * validated with its entity's schema and laid out in the replica's column order. Runs in the
 * snapshot reader's worker thread (snapshot-worker.ts), so the thread that writes the replica
 * does nothing but write.
 */
export type PreparedLine =
  | { kind: 'header'; hub: HubIdentity; cursor: number }
  | { kind: 'rows'; entity: EntityName; count: number; tables: PreparedTable[] }
  | { kind: 'end'; rows: number };

/**
 * One table's rows of a line, flat: row i is cells[i * width … (i + 1) * width), where width is
 * the table's column count, and keys[i] names its entity row. Tables in the entity's order: its
 * own first (columns, version when versioned, change number), then each child table.
 */
export interface PreparedTable {
  cells: unknown[];
  keys: string[];
}

/** Something in the stream the console refuses; `message` is what the dispatcher is told. */
export class SnapshotMalformedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotMalformedError';
  }
}

export class SnapshotPreparer {
  private pending: Uint8Array[] = [];
  private readonly decoder = new TextDecoder();
  private rowsSeen = 0;

  constructor(private readonly baseUrl: string) {}

  /**
   * The complete lines that end in this piece of the stream, prepared. Lines are split on
   * newline bytes (UTF-8 never has 0x0A inside a character) and decoded once each: a line spans
   * many network pieces, and searching a growing string for its end at every piece costs more
   * than parsing it.
   */
  push(piece: Uint8Array): PreparedLine[] {
    const lines: PreparedLine[] = [];
    let from = 0;
    for (let end = piece.indexOf(0x0a); end >= 0; end = piece.indexOf(0x0a, from)) {
      this.pending.push(piece.subarray(from, end));
      lines.push(this.prepare(this.decoder.decode(Buffer.concat(this.pending))));
      this.pending = [];
      from = end + 1;
    }
    if (from < piece.length) this.pending.push(piece.subarray(from));
    return lines;
  }

  /** The stream ended: refused when it stopped in the middle of a line. */
  finish(): void {
    if (this.decoder.decode(Buffer.concat(this.pending)).trim() !== '') {
      throw new SnapshotMalformedError(`The hub at ${this.baseUrl} ended its snapshot in the middle of a line; nothing from it was applied.`);
    }
  }

  private prepare(text: string): PreparedLine {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SnapshotMalformedError(`The hub at ${this.baseUrl} sent a snapshot line that is not JSON; nothing from it was applied.`);
    }
    const parsed = SnapshotLineSchema.safeParse(json);
    if (!parsed.success) {
      const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; ');
      throw new SnapshotMalformedError(`The hub's snapshot answer is malformed (${detail}); nothing from it was applied.`);
    }
    const line = parsed.data;
    if (line.kind !== 'rows') return line;
    return { kind: 'rows', entity: line.entity, count: line.rows.length, tables: this.prepareRows(line.entity, line.rows) };
  }

  private prepareRows(entity: EntityName, rows: readonly unknown[]): PreparedTable[] {
    const spec = entityTable(entity) as EntityTable;
    const tables: PreparedTable[] = [spec, ...spec.children].map(() => ({ cells: [], keys: [] }));
    for (const cells of rows) {
      const { row, version, changeNumber } = this.validRow(entity, cells, ++this.rowsSeen);
      const key = entityKey(entity, row);
      const own = rowToCells(spec, row);
      if (spec.versioned) own.push(version);
      own.push(changeNumber);
      addRow(tables[0]!, key, own);
      spec.children.forEach((child, i) => {
        for (const item of childCells(spec, child, key, row)) addRow(tables[i + 1]!, key, item);
      });
    }
    return tables;
  }

  /** Decodes and validates one snapshot row (the `nth` of the stream). */
  private validRow(entity: EntityName, cells: unknown, nth: number): { row: EntityRow<EntityName>; version: number; changeNumber: number } {
    let decoded;
    try {
      decoded = decodeSnapshotRow(entity, cells);
    } catch (error) {
      throw malformed(`has a malformed ${rowName(entity, cells, nth)} (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = syncedEntitySchemas[entity].safeParse(decoded.row);
    if (!parsed.success) {
      const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || entity}: ${i.message}`).join('; ');
      throw malformed(`has an invalid ${rowName(entity, cells, nth)} (${detail})`);
    }
    if (!Number.isInteger(decoded.version) || decoded.version < 0 || !Number.isInteger(decoded.changeNumber) || decoded.changeNumber < 1) {
      throw malformed(`has a ${rowName(entity, cells, nth)} without a valid version and change number`);
    }
    return { row: parsed.data as EntityRow<EntityName>, version: decoded.version, changeNumber: decoded.changeNumber };
  }
}

/** SQLite has no booleans: they are bound as 0/1. */
function addRow(table: PreparedTable, key: string, cells: readonly unknown[]): void {
  for (const cell of cells) table.cells.push(cell === true ? 1 : cell === false ? 0 : cell);
  table.keys.push(key);
}

/** "booking row "bkg-1" (row 12 of the snapshot)": the key when the row has a readable one. */
function rowName(entity: EntityName, cells: unknown, nth: number): string {
  const key = Array.isArray(cells) ? cells[keyCell(entity)] : undefined;
  const named = typeof key === 'string' && key.length > 0 ? ` ${JSON.stringify(key.slice(0, 80))}` : '';
  return `${entity} row${named} (row ${nth} of the snapshot)`;
}

const keyCell = (entity: EntityName) => entityTable(entity).columns.findIndex((c) => c.column === entityTable(entity).key);

/** What the dispatcher is told about a snapshot the console refused (here and when writing it). */
export function snapshotProblem(what: string): string {
  return `The hub's snapshot ${what}; nothing from it was applied.`;
}

function malformed(what: string): SnapshotMalformedError {
  return new SnapshotMalformedError(snapshotProblem(what));
}
