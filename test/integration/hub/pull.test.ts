import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, HttpErrorBody, PullResponse } from '../../../shared/contract/hub-http';
import { decodeSnapshotRow } from '../../../db-common/snapshot-cells';
import { SnapshotLineSchema } from '../../../shared/contract/snapshot-stream';
import { entityKey, RowChangeSchema, syncedEntitySchemas, type RowChange } from '../../../shared/sync/synced-entities';
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

  it('streams every live row as one snapshot: rows that decode to valid entities, the same rows as paging, cursor = latest change', async () => {
    const response = await fetch(`${hub.url}/api/v1/sync/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split('\n').map((line) => SnapshotLineSchema.parse(JSON.parse(line)));
    const health = await api<HealthResponse>(hub, '/api/v1/health');
    expect(lines[0]).toEqual({ kind: 'header', hub: health.body.hub, cursor: health.body.latestChange });
    const rows = lines.flatMap((line) => (line.kind === 'rows' ? line.rows.map((cells) => ({ entity: line.entity, ...decodeSnapshotRow(line.entity, cells) })) : []));
    expect(lines.at(-1)).toEqual({ kind: 'end', rows: rows.length });
    for (const { entity, row } of rows) expect(syncedEntitySchemas[entity].safeParse(row).success, `${entity} ${JSON.stringify(row).slice(0, 80)}`).toBe(true);
    const paged = new Map<string, RowChange>();
    for (let cursor = 0, more = true; more; ) {
      const page = await api<PullResponse>(hub, `/api/v1/sync/pull?cursor=${cursor}&limit=5000`, { token });
      for (const change of page.body.changes) paged.set(`${change.entity}/${change.id}`, change);
      cursor = page.body.cursor;
      more = page.body.hasMore;
    }
    const live = [...paged.values()].filter((c) => !c.deleted);
    expect(rows).toHaveLength(live.length);
    for (const { entity, row, version, changeNumber } of rows) {
      const change = paged.get(`${entity}/${entityKey(entity, row)}`)!;
      expect({ row, version, changeNumber }).toEqual({ row: change.data, version: change.version, changeNumber: change.changeNumber });
    }
  });

  it('streams the snapshot as it reads the store: the first line arrives long before the last, not once everything was read', async () => {
    const started = performance.now();
    const response = await fetch(`${hub.url}/api/v1/sync/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    const pieces = response.body!.getReader();
    let bytes = (await pieces.read()).value?.byteLength ?? 0;
    const firstAt = performance.now() - started;
    let lastAt = firstAt;
    for (let next = await pieces.read(); !next.done; next = await pieces.read()) {
      bytes += next.value.byteLength;
      lastAt = performance.now() - started;
    }
    expect(bytes, 'a snapshot of several lines').toBeGreaterThan(500_000);
    // SQLite answers synchronously; a hub that never let the socket write between lines sent its first byte with its last.
    expect(firstAt).toBeLessThan(lastAt / 2);
  });

  it('refuses a snapshot without a session (401)', async () => {
    expect((await fetch(`${hub.url}/api/v1/sync/snapshot`)).status).toBe(401);
  });
});
