import { defineConfig } from 'vitest/config';

/**
 * Two projects. `sqlite`: every unit and integration test, hubs on SQLite. `postgres`: the hub,
 * console-sync and fault-simulation tests again with every hub on a real PostgreSQL server its
 * globalSetup starts (test/support/hub-test-engine.ts picks the engine), plus the tests only
 * PostgreSQL has (several hub instances on one database). Tests of SQLite files themselves
 * (backups by file copy, the JSON-era migrations, restore detection by the lineage file) stay
 * SQLite-only; their PostgreSQL counterparts are in test/integration/postgres.
 */
const sqliteOnly = ['test/integration/hub/backup-restore.test.ts', 'test/integration/console-sync/hub-identity.test.ts'];
/** Hub tests of the HTTP layer alone (timeouts of trickling requests): the store's engine plays no part. */
const httpOnly = ['test/integration/hub/slow-requests.test.ts'];
/** Console-sync tests that start no hub (a fake one, or none): nothing about the engine to test twice. */
const noHub = ['test/integration/console-sync/backoff.test.ts', 'test/integration/console-sync/demo-mode.test.ts', 'test/integration/console-sync/malformed-hub.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // Hooks start real hubs and PostgreSQL databases; on a busy 2-core machine that can take more than 10 s.
    hookTimeout: 30_000,
    pool: 'forks',
    // Two test files at a time even on two cores: most of their time is spent waiting on the hubs,
    // consoles and database servers they start (the default would be one file at a time here).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['test/integration/postgres/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'test/integration/hub/**/*.test.ts',
            'test/integration/console-sync/**/*.test.ts',
            'test/integration/fault-simulation/**/*.test.ts',
            'test/integration/portal/**/*.test.ts',
            // The console's side of the portal against a portal hub (the contacts and settings test starts no hub).
            'test/integration/console-portal/console-portal-journey.test.ts',
            'test/integration/postgres/**/*.test.ts',
          ],
          exclude: [...sqliteOnly, ...noHub, ...httpOnly],
          env: { HUB_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
