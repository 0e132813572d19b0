import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild } from '../../integration/support/hub-process';

/**
 * A browser host of its own on a free port with a fresh replica (and fresh preferences), for tests
 * that change what the shared one serves to every other test (a hub connection, the theme, the language).
 */
export async function startBrowserHost(options: { planWorker?: string } = {}): Promise<{ child: ChildProcess; url: string; dataDir: string }> {
  const data = mkdtempSync(path.join(tmpdir(), 'dd-e2e-host-'));
  const extra = options.planWorker ? ['--plan-worker', options.planWorker] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser-host/serve.ts', '--port', '0', '--data', data, ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The browser host did not start in 30 s')), 30_000);
    lines.on('line', (line) => {
      const found = line.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
  });
  return { child, url, dataDir: data };
}

/** A browser host of its own for the tests of one file: started before them, stopped after. `url()` is its address. */
export function useOwnBrowserHost(): { url: () => string } {
  let started: { child: ChildProcess; url: string } | undefined;
  test.beforeAll(async () => {
    started = await startBrowserHost();
  });
  test.afterAll(async () => {
    if (started) await stopChild(started.child);
  });
  return { url: () => started!.url };
}
