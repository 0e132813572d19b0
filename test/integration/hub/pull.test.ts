import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, HttpErrorBody, PullResponse } from '../../../shared/contract/hub-http';
import { RowChangeSchema } from '../../../shared/sync/synced-entities';
import { queryHubStore } from '../support/hub-database';
import { api, signIn, startHub, type RunningHub } from './hub-process';

let hub: RunningHub;
let token: string;
beforeAll(async () => {
  hub = await startHub();
  token = await signIn(hub);
});
afterAll(async () => {
  await hub?.stop();
});

/** Every row the store holds (one row_changes row each, tombstones included). */
async function storeRowCount(): Promise<number> {
  const [row] = await queryHubStore<{ n: number | string }>(hub.dataDir, 'SELECT COUNT(*) AS n FROM row_changes');
  return Number(row!.n);
}

describe('hub pull', () => {
  it('pages through every demo row with a small limit, cursors strictly increasing, none missing', async () => {
    const seen = new Set<string>();
    let cursor = 0;
    let pages = 0;
    let hasMore = true;
    while (hasMore) {
      const page = await api<PullResponse>(hub, `/api/v1/sync/pull?cursor=${cursor}&limit=500`, { token });
      expect(page.status).toBe(200);
      expect(page.body.changes.length).toBeLessThanOrEqual(500);
      let previous = cursor;
      for (const change of page.body.changes) {
        expect(change.changeNumber).toBeGreaterThan(previous);
        previous = change.changeNumber;
        seen.add(`${change.entity}/${change.id}`);
      }
      expect(page.body.cursor).toBeGreaterThan(cursor);
      cursor = page.body.cursor;
      hasMore = page.body.hasMore;
      pages++;
    }
    const health = await api<HealthResponse>(hub, '/api/v1/health');
    expect(cursor).toBe(health.body.latestChange);
    expect(pages).toBeGreaterThan(5);
    expect(seen.size).toBe(await storeRowCount());
    expect(seen.size).toBeGreaterThan(5000);
  });

  it('sends rows that pass the shared RowChange schema', async () => {
    const page = await api<PullResponse>(hub, '/api/v1/sync/pull?cursor=0&limit=2000', { token });
    for (const change of page.body.changes) expect(RowChangeSchema.safeParse(change).success).toBe(true);
  });

  it('answers an empty page at the latest cursor', async () => {
    const health = await api<HealthResponse>(hub, '/api/v1/health');
    const page = await api<PullResponse>(hub, `/api/v1/sync/pull?cursor=${health.body.latestChange}`, { token });
    expect(page.body).toEqual({ hub: health.body.hub, changes: [], cursor: health.body.latestChange, hasMore: false, latest: health.body.latestChange });
    expect(health.body.hub.storeId).toMatch(/^[0-9a-f]{32}$/);
    expect(health.body.hub.epoch).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a cursor from the future with 409 cursor_from_future and a clear message', async () => {
    const health = await api<HealthResponse>(hub, '/api/v1/health');
    const latest = health.body.latestChange;
    const answer = await api<HttpErrorBody>(hub, `/api/v1/sync/pull?cursor=${latest + 100}`, { token });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({
      code: 'cursor_from_future',
      message: `cursor ${latest + 100} is ahead of this hub (latest change ${latest}): the replica synced with another hub or with this one before a restore; start it over`,
    });
  });

  it('refuses cursor=abc with 400 naming cursor', async () => {
    const answer = await api<HttpErrorBody>(hub, '/api/v1/sync/pull?cursor=abc', { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.message).toMatch(/cursor/);
    expect(answer.body.error.issues?.map((i) => i.path)).toContain('cursor');
  });
});
