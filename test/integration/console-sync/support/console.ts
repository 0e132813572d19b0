import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiDispatcher } from '../../../../electron/main/ipc/register';
import { startConsoleServices, type ConsoleServices } from '../../../../electron/main/services';
import type { ConsoleEvent, SyncStatus } from '../../../../shared/contract/ipc-contract';
import { ADMIN } from '../../support/hub-process';

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
  const dispatch = createApiDispatcher(services, () => undefined);
  const events: ConsoleEvent[] = [];
  services.onEvent((event) => events.push(event));
  return {
    services,
    events,
    async call<T>(method: string, payload: unknown = {}) {
      const result = await dispatch(method, payload);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.data as T;
    },
    close: () => services.close(),
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
