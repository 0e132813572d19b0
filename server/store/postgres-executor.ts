import type { PoolClient } from 'pg';
import { postgresDialect } from '../../db-common/entity-sql';
import type { SqlExecutor } from './sql-executor';

/** Statement names by SQL text: each connection prepares a text once and reuses the plan (cursor commands stay unnamed). */
const names = new Map<string, string>();
function statementName(sql: string): string | undefined {
  if (/^\s*(FETCH|DECLARE|CLOSE)\b/i.test(sql)) return undefined;
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `dd${names.size + 1}`));
  return name;
}

/** SqlExecutor over one pooled PostgreSQL connection inside a transaction. */
export class PostgresExecutor implements SqlExecutor {
  readonly dialect = postgresDialect;

  constructor(private readonly client: PoolClient) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const name = statementName(sql);
    const result = await this.client.query({ ...(name ? { name } : {}), text: sql, values: [...params] });
    return result.rows as T[];
  }

  async arrays(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    const name = statementName(sql);
    const result = await this.client.query({ ...(name ? { name } : {}), text: sql, values: [...params], rowMode: 'array' });
    return result.rows as unknown[][];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const name = statementName(sql);
    const result = await this.client.query({ ...(name ? { name } : {}), text: sql, values: [...params] });
    return result.rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
}
