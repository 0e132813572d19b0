import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { countRows, rowStamp } from '../../../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../../../electron/main/db/open-replica';
import { createApiDispatcher } from '../../../../electron/main/ipc/register';
import { HubClient } from '../../../../electron/main/sync/hub-client';
import { startConsoleServices, type ConsoleServices } from '../../../../electron/main/services';
import type { ConsoleEvent, SyncStatus } from '../../../../shared/contract/ipc-contract';
import type { EntityName } from '../../../../shared/sync/synced-entities';
import { ADMIN, startDemoHub, type HubProcess } from '../../support/hub-process';

/** A console's services on a fresh replica file, with sync timings shortened for tests. */
export interface TestConsole {
  services: ConsoleServices;
  events: ConsoleEvent[];
  call<T>(method: string, payload?: unknown): Promise<T>;
  close(): void;
}

export const testSyncTimings = { pollIntervalMs: 60_000, backoffMinMs: 100, backoffMaxMs: 500, requestTimeoutMs: 5_000 };

export function replicaFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'dd-console-')), 'replica.sqlite');
}

export function startTestConsole(options: { dataFile?: string; seedDemo?: boolean; pageSize?: number; manualSync?: boolean } = {}): TestConsole {
  const services = startConsoleServices({
    dataFile: options.dataFile ?? replicaFile(),
    appVersion: '0.0.0-test',
    runtime: 'browser-host',
    seedDemo: options.seedDemo ?? true,
    sync: { ...testSyncTimings, ...(options.pageSize ? { pageSize: options.pageSize } : {}), ...(options.manualSync ? { manualSync: true } : {}) },
  });
  const events: ConsoleEvent[] = [];
  services.onEvent((event) => events.push(event));
  return { services, events, ...apiCalls(services), close: () => services.close() };
}

/** Calls through the real API dispatcher: `call` answers the data (throwing on an error answer), `fail` the error of a call expected to fail. */
export function apiCalls(services: ConsoleServices) {
  const dispatch = createApiDispatcher(services, () => undefined);
  return {
    async call<T>(method: string, payload: unknown = {}): Promise<T> {
      const result = await dispatch(method, payload);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.data as T;
    },
    async fail(method: string, payload: unknown = {}): Promise<{ code: string; message: string }> {
      const result = await dispatch(method, payload);
      if (result.ok) throw new Error(`${method} was expected to fail`);
      return result.error;
    },
  };
}

export function connect(console: TestConsole, url: string) {
  return console.call<SyncStatus>('connectHub', { url, email: ADMIN.email, password: ADMIN.password });
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function firstRow<T>(console: TestConsole, sql: string, ...params: unknown[]): T {
  return console.services.db.prepare(sql).get(...params) as T;
}

/** For direct pull() calls in tests: a pending mutation that throws while re-applied is a test failure. */
export function failOnRebaseError(entry: { mutationId: string; name: string }, error: unknown): never {
  throw new Error(`${entry.name} ${entry.mutationId} threw while re-applied: ${String(error)}`);
}

/** Entity → id → version of every live row at a hub, read through its pull API. */
export async function hubLiveRows(url: string): Promise<Map<EntityName, Map<string, number>>> {
  const client = new HubClient({ baseUrl: url });
  await client.signIn(ADMIN.email, ADMIN.password);
  const live = new Map<EntityName, Map<string, number>>();
  let cursor = 0;
  for (;;) {
    const page = await client.pull(cursor, 5000);
    for (const change of page.changes) {
      if (!live.has(change.entity)) live.set(change.entity, new Map());
      if (change.deleted) live.get(change.entity)!.delete(change.id);
      else live.get(change.entity)!.set(change.id, change.version);
    }
    cursor = page.cursor;
    if (!page.hasMore) return live;
  }
}

/** The replica holds exactly the hub's live rows, at the hub's versions, and no broken reference. */
export function expectReplicaMatchesHub(console: TestConsole, hubRows: Map<EntityName, Map<string, number>>): void {
  const db = console.services.db;
  for (const [entity, rows] of hubRows) {
    expect(countRows(db, entity), `${entity} rows`).toBe(rows.size);
    if (entity === 'audit' || entity === 'reasonCode') continue;
    for (const [id, version] of rows) expect(rowStamp(db, entity, id)?.version, `${entity} ${id}`).toBe(version);
  }
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

/**
 * A demo hub and two consoles connected to it for the tests of one file (started before them,
 * closed after). Read the fields inside tests: they are set in beforeAll.
 */
export function useTwoConsolesOnDemoHub(): { hub: HubProcess; a: TestConsole; b: TestConsole } {
  const setup = {} as { hub: HubProcess; a: TestConsole; b: TestConsole };
  beforeAll(async () => {
    setup.hub = await startDemoHub();
    setup.a = startTestConsole({ seedDemo: false });
    setup.b = startTestConsole({ seedDemo: false });
    await connect(setup.a, setup.hub.url);
    await connect(setup.b, setup.hub.url);
  });
  afterAll(async () => {
    setup.a?.close();
    setup.b?.close();
    await setup.hub?.stop();
  });
  return setup;
}

/** Every index of a replica as its CREATE statement, sorted (a first download drops and rebuilds the entity tables' ones). */
export function indexDefinitions(db: Replica): string[] {
  return (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[]).sort();
}

/** The indexes a freshly migrated replica has. */
export function migratedIndexDefinitions(): string[] {
  const fresh = openReplica(':memory:');
  try {
    return indexDefinitions(fresh);
  } finally {
    fresh.close();
  }
}
