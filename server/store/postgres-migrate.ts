import type { Pool } from 'pg';
import { OperatorError } from '../operator-error';
import { hubMigrations, type HubMigration } from './migrations/index';

/**
 * Brings a PostgreSQL store up to this hub's schema. The version lives in `schema_version`; an
 * empty database starts at the first step with a PostgreSQL form (the relational schema) and
 * takes every later one. All pending steps run in one transaction under an advisory lock, so
 * hub instances starting together migrate once, and a failure leaves the database as it was.
 * A database written by a newer hub is refused.
 */
export async function migratePostgres(pool: Pool, migrations: readonly HubMigration[] = hubMigrations): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('dispatch-desk:migrate', 0))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_version ("only" INTEGER PRIMARY KEY CHECK ("only" = 1), version INTEGER NOT NULL)');
    const found = Number((await client.query<{ version: number }>('SELECT version FROM schema_version WHERE "only" = 1')).rows[0]?.version ?? 0);
    const to = migrations.length;
    if (found > to) throw new OperatorError(`The database has hub schema version ${found}, newer than this hub understands (${to}); upgrade the hub.`);
    for (const step of pendingSteps(migrations, found)) await client.query(step.postgres!);
    await client.query('INSERT INTO schema_version ("only", version) VALUES (1, $1) ON CONFLICT ("only") DO UPDATE SET version = excluded.version', [to]);
    await client.query('COMMIT');
    return { from: found, to };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function pendingSteps(migrations: readonly HubMigration[], found: number): HubMigration[] {
  const first = found === 0 ? migrations.findIndex((m) => m.postgres !== undefined) : found;
  const pending = first < 0 ? [] : migrations.slice(first);
  const missing = pending.find((m) => m.postgres === undefined);
  if (missing) throw new Error(`Hub migration ${missing.version} (${missing.name}) has no PostgreSQL form; every step after the relational schema needs one.`);
  return pending;
}
