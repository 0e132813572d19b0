import type Database from 'better-sqlite3';
import { sqliteDialect } from '../../db-common/entity-sql';
import { prepareCached, sqliteCells } from '../../db-common/sqlite-statement-cache';
import type { SqlExecutor } from './sql-executor';

/** SqlExecutor over one better-sqlite3 connection (synchronous underneath; statements prepared once). */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = sqliteDialect;

  constructor(private readonly db: Database.Database) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    // raw() is a statement's state and a cached statement is shared: each call sets the mode it needs.
    return prepareCached(this.db, sql).raw(false).all(...sqliteCells(params)) as T[];
  }

  async arrays(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    return prepareCached(this.db, sql).raw(true).all(...sqliteCells(params)) as unknown[][];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return prepareCached(this.db, sql).run(...sqliteCells(params)).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }
}
