import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { OperatorError } from '../../../server/operator-error';
import { hubMigrations } from '../../../server/store/migrations/index';
import { PostgresHubStore } from '../../../server/store/postgres-hub-store';
import { newTestDatabase } from '../../support/hub-test-engine';

/** A PostgreSQL store starts at the relational schema (004) and shares version numbers with SQLite from there. */
const opened: PostgresHubStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('PostgreSQL store migrations', () => {
  it('bring an empty database to the latest version once, even when two hub instances start together', async () => {
    const url = newTestDatabase();
    const stores = await Promise.all([PostgresHubStore.open(url), PostgresHubStore.open(url)]);
    opened.push(...stores);
    expect(await query(url, 'SELECT version FROM schema_version')).toEqual([{ version: hubMigrations.length }]);
    expect(stores[0]!.opened.identity).toEqual(stores[1]!.opened.identity);
    const tables = (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).map((t) => t.tablename);
    expect(tables).toEqual(expect.arrayContaining(['bookings', 'work_orders', 'row_changes', 'change_counter', 'applied_mutations', 'users', 'sessions', 'store_identity', 'sign_in_attempts', 'portal_identities', 'portal_oidc_flows']));
    expect(tables).not.toContain('rows');
    const constraint = await query(url, "SELECT conname FROM pg_constraint WHERE conname = 'bookings_no_overlap' AND contype = 'x'");
    expect(constraint).toHaveLength(1);
  });

  it('refuse a database written by a newer hub and leave it as it was', async () => {
    const url = newTestDatabase();
    await (await PostgresHubStore.open(url)).close();
    await query(url, `UPDATE schema_version SET version = ${hubMigrations.length + 2}`);
    await expect(PostgresHubStore.open(url)).rejects.toBeInstanceOf(OperatorError);
    await expect(PostgresHubStore.open(url)).rejects.toThrow(`hub schema version ${hubMigrations.length + 2}, newer than this hub understands (${hubMigrations.length})`);
    expect(await query(url, 'SELECT version FROM schema_version')).toEqual([{ version: hubMigrations.length + 2 }]);
  });
});
