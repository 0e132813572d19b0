import type Database from 'better-sqlite3';
import { sqliteDialect } from '../../db-common/entity-sql';
import { prepareCached, sqliteCells } from '../../db-common/sqlite-statement-cache';
import type { SqlExecutor } from './sql-executor';

/** SqlExecutor over one better-sqlite3 connection (synchronous underneath; statements prepared once). */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = sqliteDialect;

  constructor(private readonly db: Database.Database) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return prepareCached(this.db, sql).all(...sqliteCells(params)) as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return prepareCached(this.db, sql).run(...sqliteCells(params)).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }
}
