import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { storeLocation } from '../../support/hub-test-engine';

/**
 * Reads a hub's store directly (whatever its engine) with SQL both engines understand, for
 * checks the HTTP API has no answer to (recorded mutation outcomes). `file` reads another
 * SQLite file (a backup) instead; `database` another PostgreSQL database.
 */
export async function queryHubStore<T>(dataDir: string, sql: string, other: { file?: string; database?: string } = {}): Promise<T[]> {
  const location = storeLocation(dataDir);
  if (location.engine === 'sqlite' || other.file) {
    const db = new Database(other.file ?? path.join(dataDir, 'hub.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: other.database ?? location.url, types: { getTypeParser: bigintAsNumber } });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** BIGINT (epoch ms, versions, change numbers) as numbers, as the hub reads them. */
const bigintAsNumber = ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser;
