import type { SqlExecutor } from '../sql-executor';

/** `n` placeholders from `from` on, comma-separated, in the executor's dialect. */
export function placeholders(ex: SqlExecutor, n: number, from = 1): string {
  return Array.from({ length: n }, (_, i) => ex.dialect.param(from + i)).join(', ');
}

/** A nullable BIGINT column as a number (PostgreSQL drivers may hand back strings). */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
