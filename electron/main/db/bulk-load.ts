import { entitySql, insertSql, sqliteDialect } from '../../../db-common/entity-sql';
import { entityTable, type EntityTable } from '../../../db-common/entity-tables';
import { prepareCached } from '../../../db-common/sqlite-statement-cache';
import { entityNames, type EntityName } from '../../../shared/sync/synced-entities';
import type { PreparedTable } from '../sync/snapshot-rows';
import { clearEntities } from './entity-rows';
import type { Replica } from './open-replica';
import { resumeSearchIndex, suspendSearchIndex } from './search-index';
import type { Statement } from 'better-sqlite3';

/**
 * Replacing every entity row at once (a first or complete download from the hub's snapshot).
 * Inside the caller's transaction it empties the entity tables, drops their secondary indexes
 * and suspends the search index; rows then go in with plain INSERTs, many rows a statement;
 * `finish` writes what is queued and builds every index once, from the finished tables.
 * Building an index by sorting its keys once costs a fraction of inserting 300,000 keys one by
 * one in random order (bookings have four such indexes), and a rollback undoes the drops with
 * everything else.
 */
export interface BulkLoad {
  /** Queues one line of rows, already validated and laid out (snapshot-rows.ts); may write. Throws BulkRowError naming a row SQLite refuses. */
  addPrepared(entity: EntityName, tables: readonly PreparedTable[]): void;
  /** Writes the queued rows and rebuilds the indexes; the tables are ready to read after it. */
  finish(): void;
}

/** SQLite refused a row of a bulk load (a duplicate key, a CHECK the schema does not know). */
export class BulkRowError extends Error {
  constructor(
    readonly entity: EntityName,
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${entity} ${key}: ${reason}`);
    this.name = 'BulkRowError';
  }
}

/** Rows per INSERT: per-statement costs vanish well before this; bookings then bind 1,024 values. */
const ROWS_PER_STATEMENT = 64;

export function startBulkLoad(db: Replica): BulkLoad {
  suspendSearchIndex(db);
  clearEntities(db);
  const indexes = dropSecondaryIndexes(db);
  const writers = new Map<EntityName, EntityWriter>();
  const writerOf = (entity: EntityName) => {
    let writer = writers.get(entity);
    if (!writer) writers.set(entity, (writer = new EntityWriter(db, entityTable(entity) as EntityTable)));
    return writer;
  };
  return {
    addPrepared: (entity, tables) => writerOf(entity).addPrepared(tables),
    finish() {
      for (const writer of writers.values()) writer.flush();
      for (const sql of indexes) db.exec(sql);
      resumeSearchIndex(db);
    },
  };
}

/** Every table an entity lives in (its own and its children's). */
const entityTableNames = entityNames.flatMap((entity) => [entityTable(entity).table, ...entityTable(entity).children.map((c) => c.table)]);

/** Drops the entity tables' own indexes (not the ones behind PRIMARY KEY/UNIQUE) and answers the SQL that recreates them. */
function dropSecondaryIndexes(db: Replica): string[] {
  if (!db.inTransaction) throw new Error('Indexes may only be dropped inside a transaction');
  const indexes = prepareCached(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))").all(
    JSON.stringify(entityTableNames),
  ) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return indexes.map((index) => index.sql);
}

/** One entity's rows and its children's, each table through its own TableWriter. */
class EntityWriter {
  private readonly own: TableWriter;
  private readonly children: TableWriter[];

  constructor(db: Replica, spec: EntityTable) {
    const columns = entitySql(sqliteDialect, spec, spec.versioned ? ['version', 'change_number'] : ['change_number']).columns;
    this.own = new TableWriter(db, spec.entity, spec.table, columns);
    this.children = entitySql(sqliteDialect, spec, []).children.map((child) => new TableWriter(db, spec.entity, child.spec.table, child.columns));
  }

  addPrepared(tables: readonly PreparedTable[]): void {
    [this.own, ...this.children].forEach((writer, i) => writer.addMany(tables[i] ?? { cells: [], keys: [] }));
  }

  flush(): void {
    this.own.flush();
    for (const child of this.children) child.flush();
  }
}

/** Rows of one table, ROWS_PER_STATEMENT to an INSERT. */
class TableWriter {
  private readonly many: Statement;
  private readonly one: Statement;
  private cells: unknown[] = [];
  private keys: string[] = [];

  constructor(
    db: Replica,
    private readonly entity: EntityName,
    table: string,
    private readonly columns: readonly string[],
  ) {
    this.many = prepareCached(db, insertSql(sqliteDialect, table, columns, ROWS_PER_STATEMENT));
    this.one = prepareCached(db, insertSql(sqliteDialect, table, columns));
  }

  addMany({ cells, keys }: PreparedTable): void {
    const width = this.columns.length;
    if (cells.length !== keys.length * width) throw new Error(`${this.entity}: ${cells.length} cells for ${keys.length} rows of ${width} columns`);
    let row = 0;
    // A statement partly queued from the line before is filled up first; whole statements then go
    // straight from this line's cells (one copy of a stretch, not a push per cell); the rest waits.
    for (; row < keys.length && this.keys.length > 0; row++) this.queue(cells, keys, row, width);
    for (; row + ROWS_PER_STATEMENT <= keys.length; row += ROWS_PER_STATEMENT) {
      this.writeMany(cells.slice(row * width, (row + ROWS_PER_STATEMENT) * width), keys.slice(row, row + ROWS_PER_STATEMENT));
    }
    for (; row < keys.length; row++) this.queue(cells, keys, row, width);
  }

  flush(): void {
    const { cells, keys } = this;
    if (keys.length === 0) return;
    this.cells = [];
    this.keys = [];
    if (keys.length < ROWS_PER_STATEMENT) return this.oneByOne(cells, keys);
    this.writeMany(cells, keys);
  }

  private queue(cells: readonly unknown[], keys: readonly string[], row: number, width: number): void {
    for (let i = row * width; i < (row + 1) * width; i++) this.cells.push(cells[i]);
    this.keys.push(keys[row]!);
    if (this.keys.length === ROWS_PER_STATEMENT) this.flush();
  }

  private writeMany(cells: readonly unknown[], keys: readonly string[]): void {
    try {
      this.many.run(cells);
    } catch (error) {
      // A refused statement wrote none of its rows: again one by one, to name the row.
      this.oneByOne(cells, keys);
      throw error;
    }
  }

  private oneByOne(cells: readonly unknown[], keys: readonly string[]): void {
    const width = this.columns.length;
    keys.forEach((key, i) => {
      try {
        this.one.run(cells.slice(i * width, (i + 1) * width));
      } catch (error) {
        throw new BulkRowError(this.entity, key, error instanceof Error ? error.message : String(error));
      }
    });
  }
}
