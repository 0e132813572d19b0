import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { postgresBinDir } from './postgres-server';

/**
 * Which engine the hub tests run against: the `sqlite` vitest project (and Playwright) use the
 * SQLite store in each hub's data folder, the `postgres` project a fresh database per hub on
 * the server its globalSetup started (vitest.config.ts).
 */
export type HubTestEngine = 'sqlite' | 'postgres';
export const ENGINE_ENV = 'HUB_TEST_ENGINE';
export const POSTGRES_URL_ENV = 'HUB_TEST_POSTGRES_URL';

export function hubTestEngine(): HubTestEngine {
  return process.env[ENGINE_ENV] === 'postgres' ? 'postgres' : 'sqlite';
}

function serverUrl(): URL {
  const url = process.env[POSTGRES_URL_ENV];
  if (!url) throw new Error(`${POSTGRES_URL_ENV} is not set: run PostgreSQL tests through the vitest "postgres" project (its globalSetup starts the server).`);
  return new URL(url);
}

/** Creates an empty database on the test server and answers its URL. */
export function newTestDatabase(prefix = 'hub'): string {
  const server = serverUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL client programs are not installed.');
  const result = spawnSync(path.join(bin, 'createdb'), ['-h', server.hostname, '-p', server.port, '-U', server.username, name], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`createdb failed: ${result.stderr}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

const databases = new Map<string, string>();

/**
 * The hub's store options for a data folder: the SQLite file in it, or (postgres project) a
 * database made for that folder the first time it is asked for, so every hub process and
 * command on the folder uses the same one.
 */
export function storeArgs(dataDir: string): string[] {
  if (hubTestEngine() === 'sqlite') return ['--data', dataDir];
  let url = databases.get(dataDir);
  if (!url) databases.set(dataDir, (url = newTestDatabase()));
  return ['--data', dataDir, '--database', url];
}

/** The store location `openHubStore` takes for a data folder (same rule as `storeArgs`). */
export function storeLocation(dataDir: string): { engine: 'sqlite'; data: string } | { engine: 'postgres'; url: string } {
  const args = storeArgs(dataDir);
  const database = args.indexOf('--database');
  return database < 0 ? { engine: 'sqlite', data: dataDir } : { engine: 'postgres', url: args[database + 1]! };
}
