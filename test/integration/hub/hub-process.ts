import { rmSync } from 'node:fs';
import type { PullResponse, PushResponse, SignInResponse } from '../../../shared/contract/hub-http';
import type { RowChange } from '../../../shared/sync/synced-entities';
import { ADMIN, startDemoHub, type HubProcess } from '../support/hub-process';

/** Helpers that drive a REAL hub process (server/main.ts) on 127.0.0.1 with the demo company. */

export { ADMIN };

export type RunningHub = HubProcess;

/** A demo hub whose stop() also removes its data folder; `args` are further command-line options. */
export async function startHub(args: readonly string[] = []): Promise<RunningHub> {
  const hub = await startDemoHub(args);
  return {
    ...hub,
    stop: async () => {
      await hub.stop();
      rmSync(hub.dataDir, { recursive: true, force: true });
    },
  };
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
