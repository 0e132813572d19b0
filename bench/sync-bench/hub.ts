import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import { openHubStore, type StoreLocation } from '../../server/store/open-hub-store';

/**
 * The hub as the benchmark runs it: a real `server/main.ts` process. Started as
 * `node --import tsx` (not the `tsx` CLI, which would run the hub in a grandchild) so the pid
 * we hold is the hub's own and its /proc status is the hub's memory.
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const hubMain = path.join(root, 'server', 'main.ts');
export const ADMIN = { email: 'bench.admin@example.com', name: 'Bench Admin', password: 'sync benchmark password' };

/** Where a benchmark hub keeps its store: the SQLite file in `dataDir`, or a PostgreSQL database. */
export interface BenchStore {
  dataDir: string;
  /** A PostgreSQL database URL; the SQLite file in dataDir when absent. */
  database?: string;
}

export const engineOf = (store: BenchStore) => (store.database ? 'PostgreSQL' : 'SQLite');
const storeArgs = (store: BenchStore) => ['--data', store.dataDir, ...(store.database ? ['--database', store.database] : [])];
const location = (store: BenchStore): StoreLocation => (store.database ? { engine: 'postgres', url: store.database } : { engine: 'sqlite', data: store.dataDir });

/** Writes the dataset through the store's own bulk path (validated, versioned, one transaction). */
export async function loadHubStore(where: BenchStore, dataset: DemoDataset): Promise<void> {
  const store = await openHubStore(location(where));
  try {
    await store.transaction((tx) => tx.insertDataset(dataset), { actor: 'sync-bench', now: Date.now() });
  } finally {
    await store.close();
  }
}

export function createAdmin(store: BenchStore): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', hubMain, 'create-admin', '--email', ADMIN.email, '--name', ADMIN.name, ...storeArgs(store)], {
    cwd: root,
    env: { ...process.env, DISPATCH_DESK_ADMIN_PASSWORD: ADMIN.password },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`create-admin failed (${result.status}): ${result.stderr || result.stdout}`);
}

export interface RunningHub {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startHub(store: BenchStore, port = 0): Promise<RunningHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', hubMain, '--port', String(port), ...storeArgs(store)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = await firstLineUrl(child, () => stderr);
  return { url, port: Number(new URL(url).port), child, stop: () => stopChild(child) };
}

function firstLineUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The hub did not start in 60 s. ${stderr()}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`The hub exited with ${code} before listening. ${stderr()}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      const first = JSON.parse(line) as { event?: string; url?: string };
      if (first.event === 'listening' && first.url) resolve(first.url);
      else reject(new Error(`Unexpected first line from the hub: ${line}`));
      lines.on('line', () => undefined); // keep draining stdout
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Peak resident set size (VmHWM) of a live process, in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`No VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}
