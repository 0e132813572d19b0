import { startPostgres } from './postgres-server';
import { POSTGRES_URL_ENV } from './hub-test-engine';

/**
 * Vitest globalSetup of the `postgres` project: one throw-away PostgreSQL server for the run
 * (test files make a database each); its address reaches the test workers through the
 * environment, which they inherit.
 */
export default async function setup(): Promise<() => void> {
  const server = await startPostgres();
  process.env[POSTGRES_URL_ENV] = server.url;
  return () => server.stop();
}
