import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { storeArgs } from '../../support/hub-test-engine';

/**
 * Starts and stops a real hub (`server/main.ts`) for integration tests, on the engine of the
 * test project (hub-test-engine.ts): a data folder stands for its store either way.
 */

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const hubMain = path.join(root, 'server', 'main.ts');

export const ADMIN = { email: 'ada.admin@example.com', name: 'Ada Admin', password: 'correct horse battery staple' };

export interface HubProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function newHubDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dd-hub-'));
}

export function createAdmin(dataDir: string): void {
  runHubCommand(['create-admin', '--email', ADMIN.email, '--name', ADMIN.name, ...storeArgs(dataDir)], { DISPATCH_DESK_ADMIN_PASSWORD: ADMIN.password });
}

/** Runs a hub subcommand (create-admin, backup, restore) to its end; answers its stdout. */
export function runHubCommand(args: readonly string[], env: Record<string, string> = {}): string {
  const result = spawnSync(tsx, [hubMain, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`hub ${args[0]} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

export async function startHub(options: { dataDir: string; port?: number; demo?: boolean; args?: readonly string[]; env?: Readonly<Record<string, string>> }): Promise<HubProcess> {
  const args = [hubMain, '--port', String(options.port ?? 0), ...storeArgs(options.dataDir), ...(options.demo ? ['--demo'] : []), ...(options.args ?? [])];
  // `node --import tsx` rather than the tsx wrapper: SIGKILL must reach the hub itself (a crash).
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The hub did not start in 30 s. ${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited with ${code} before listening. ${stderr}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const first = JSON.parse(line) as { event?: string; url?: string };
        if (first.event === 'listening' && first.url) resolve(first.url);
        else reject(new Error(`Unexpected first line from the hub: ${line}`));
      } catch {
        reject(new Error(`Unexpected first line from the hub: ${line}`));
      }
    });
  });
  lines.on('line', () => undefined); // keep draining stdout
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    dataDir: options.dataDir,
    child,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** A fresh hub with the demo company and an administrator; `args` are further command-line options. */
export async function startDemoHub(args: readonly string[] = []): Promise<HubProcess> {
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  return startHub({ dataDir, demo: true, args });
}
