import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertDataset } from '../../../../electron/main/db/writes/insert-dataset';
import { startConsoleServices, type ConsoleServices } from '../../../../electron/main/services';
import type { ConsoleEvent } from '../../../../shared/contract/ipc-contract';
import type { DemoDataset } from '../../../../shared/demo/seed-builder';
import { smallCompany } from '../../../support/small-company';
import { apiCalls } from '../../console-sync/support/console';

/** Console services on a replica holding the small company, at a fixed "now", answering through the real API dispatcher. */
export interface SmallConsole {
  services: ConsoleServices;
  events: ConsoleEvent[];
  call<T>(method: string, payload?: unknown): Promise<T>;
  /** The error answer of a call expected to fail. */
  fail(method: string, payload?: unknown): Promise<{ code: string; message: string }>;
  close(): void;
}

export function startSmallConsole(options: { now: number; dataset?: DemoDataset; planBudgetMs?: number; planWorkerFile?: string }): SmallConsole {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-dispatch-'));
  const services = startConsoleServices({
    dataFile: path.join(dir, 'replica.sqlite'),
    appVersion: '0.0.0-test',
    runtime: 'browser-host',
    seedDemo: false,
    autoSync: false,
    now: () => options.now,
    planBudgetMs: options.planBudgetMs ?? 200,
    ...(options.planWorkerFile ? { planWorkerFile: options.planWorkerFile } : {}),
  });
  insertDataset(services.db, options.dataset ?? smallCompany());
  const events: ConsoleEvent[] = [];
  services.onEvent((event) => events.push(event));
  return { services, events, ...apiCalls(services), close: () => services.close() };
}
