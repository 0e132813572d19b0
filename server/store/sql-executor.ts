import type { SqlDialect } from '../../db-common/entity-sql';

/**
 * What the hub's queries run on: one connection inside one transaction, of either engine.
 * Parameters are positional (`?` in SQLite, `$n` in PostgreSQL: see `dialect.param`); booleans
 * may be bound as JS booleans.
 */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Rows of a statement that returns rows (SELECT, or a write with RETURNING). */
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows as arrays of values in select-list order: no object per row, for reads of whole tables. */
  arrays(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** A statement that returns no rows; answers how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Statements without parameters, several at once (DDL). */
  exec(sql: string): Promise<void>;
}

/** A PostgreSQL error's SQLSTATE and constraint, when it has them. */
export function databaseErrorCode(error: unknown): { code?: string; constraint?: string } {
  if (!error || typeof error !== 'object') return {};
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return { ...(typeof code === 'string' ? { code } : {}), ...(typeof constraint === 'string' ? { constraint } : {}) };
}
