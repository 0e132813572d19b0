import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { PullResponse, PushResponse, SignInResponse } from '../../../shared/contract/hub-http';
import type { RowChange } from '../../../shared/sync/synced-entities';

/** Helpers that drive a REAL hub process (tsx server/main.ts) on 127.0.0.1 with the demo company. */

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
export const ADMIN = { email: 'ann.admin@example.com', name: 'Ann Admin', password: 'correct-horse-battery-staple' };

export interface RunningHub {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stderr: () => string;
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop: () => Promise<void>;
}

export async function startHub(): Promise<RunningHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  const created = spawnSync(tsx, ['server/main.ts', 'create-admin', '--email', ADMIN.email, '--name', ADMIN.name, '--data', dataDir], {
    cwd: root,
    env: { ...process.env, DISPATCH_DESK_ADMIN_PASSWORD: ADMIN.password },
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`create-admin failed: ${created.stderr}`);
  const child = spawn(tsx, ['server/main.ts', '--port', '0', '--data', dataDir, '--demo'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await listeningUrl(child, () => errors);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, child, stderr: () => errors, stop };
}

/** Reads stdout until the `{"event":"listening"}` line. */
function listeningUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`hub did not start in 20 s: ${stderr()}`)), 20_000);
    child.once('exit', (code) => fail(new Error(`hub exited with ${code}: ${stderr()}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; url?: string };
        if (event.event === 'listening' && event.url) {
          clearTimeout(timer);
          done(event.url);
        }
      } catch {
        // not a JSON line
      }
    });
  });
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export async function api<T = unknown>(hub: RunningHub, path: string, init: { token?: string; method?: string; body?: unknown } = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${hub.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function signIn(hub: RunningHub, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const answer = await api<SignInResponse>(hub, '/api/v1/auth/sign-in', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

/** An administrator creates a user, who then signs in; answers the new user's token. */
export async function signedInUser(hub: RunningHub, adminToken: string, role: 'dispatcher' | 'back_office', email: string): Promise<string> {
  const password = 'a-long-enough-password';
  const created = await api(hub, '/api/v1/users', { token: adminToken, body: { email, name: `Test ${role}`, role, password } });
  if (created.status !== 201) throw new Error(`create user failed: ${JSON.stringify(created.body)}`);
  return signIn(hub, email, password);
}

/** Every change after `cursor`, page by page; the latest version of each row wins. */
export async function pullAll(hub: RunningHub, token: string, cursor = 0, limit = 5000): Promise<{ rows: Map<string, RowChange>; cursor: number }> {
  const rows = new Map<string, RowChange>();
  for (;;) {
    const page = await api<PullResponse>(hub, `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
    if (page.status !== 200) throw new Error(`pull failed: ${JSON.stringify(page.body)}`);
    for (const change of page.body.changes) rows.set(`${change.entity}/${change.id}`, change);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return { rows, cursor };
  }
}

export function push(hub: RunningHub, token: string, mutations: unknown) {
  return api<PushResponse>(hub, '/api/v1/sync/push', { token, body: { mutations } });
}

export function rowsOf<T>(rows: Map<string, RowChange>, entity: RowChange['entity']): T[] {
  return [...rows.values()].filter((r) => r.entity === entity && !r.deleted).map((r) => r.data as T);
}
