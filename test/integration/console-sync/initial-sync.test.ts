import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../electron/main/db/entity-rows';
import { HubClient } from '../../../electron/main/sync/hub-client';
import type { AppInfo, BoardData, SyncStatus } from '../../../shared/contract/ipc-contract';
import { entityNames, type EntityName } from '../../../shared/sync/synced-entities';
import { ADMIN, startDemoHub, type HubProcess } from '../support/hub-process';
import { connect, indexDefinitions, migratedIndexDefinitions, startTestConsole, type TestConsole } from './support/console';

let hub: HubProcess;
const consoles: TestConsole[] = [];
beforeAll(async () => {
  hub = await startDemoHub();
});
afterAll(async () => {
  consoles.forEach((c) => c.close());
  await hub?.stop();
});

/** What the hub holds now, entity by entity (live rows after every change). */
async function hubCounts(): Promise<Record<EntityName, number>> {
  const client = new HubClient({ baseUrl: hub.url });
  await client.signIn(ADMIN.email, ADMIN.password);
  const live = new Map<string, boolean>();
  let cursor = 0;
  for (;;) {
    const page = await client.pull(cursor, 5000);
    for (const c of page.changes) live.set(`${c.entity}\u0000${c.id}`, !c.deleted);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const counts = Object.fromEntries(entityNames.map((e) => [e, 0])) as Record<EntityName, number>;
  for (const [key, alive] of live) if (alive) counts[key.split('\u0000')[0] as EntityName] += 1;
  return counts;
}

describe('initial sync', () => {
  it('fills an empty replica with everything the hub has, in pages, and reports progress', async () => {
    const console = startTestConsole({ seedDemo: false, pageSize: 2000 });
    consoles.push(console);
    const status = await connect(console, hub.url);
    expect(status).toMatchObject({ mode: 'hub', connection: 'online', pendingCount: 0, initialSync: null, user: { email: ADMIN.email } });
    const expected = await hubCounts();
    for (const entity of entityNames) expect(countRows(console.services.db, entity), entity).toBe(expected[entity]);
    expect(expected.booking).toBeGreaterThan(100);
    const progress = console.events.flatMap((e) => (e.type === 'sync-status' && e.status.initialSync ? [e.status.initialSync.received] : []));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBeGreaterThan(2000);
    expect(console.events.some((e) => e.type === 'data-changed' && e.entities.includes('booking'))).toBe(true);
    expect(console.services.db.pragma('foreign_key_check')).toEqual([]);
    expect(indexDefinitions(console.services.db), 'the indexes dropped for the load are all back').toEqual(migratedIndexDefinitions());
    // The search index was rebuilt in one pass and covers every downloaded record.
    const db = console.services.db;
    expect(db.prepare('SELECT suspended FROM search_state').pluck().get()).toBe(0);
    const last = db.prepare('SELECT number, summary FROM work_orders ORDER BY number DESC LIMIT 1').get() as { number: string; summary: string };
    const hits = console.services.search.search(last.number, 3).groups.find((g) => g.kind === 'workOrder')?.hits ?? [];
    expect(hits[0]?.title).toBe(`${last.number} · ${last.summary}`);
    expect(db.prepare(`SELECT COUNT(*) FROM search_work_orders WHERE search_work_orders MATCH '"wo-"'`).pluck().get()).toBe(expected.workOrder);
  });

  it('replaces the demo company with the hub data and keeps answering the board', async () => {
    const console = startTestConsole();
    consoles.push(console);
    expect((await console.call<AppInfo>('getAppInfo')).dataOrigin).toBe('demo');
    expect((await console.call<SyncStatus>('getSyncStatus')).mode).toBe('demo');
    await connect(console, hub.url);
    expect((await console.call<AppInfo>('getAppInfo')).dataOrigin).toBe('hub');
    const expected = await hubCounts();
    expect(countRows(console.services.db, 'booking')).toBe(expected.booking);
    const someDay = new Date(console.services.db.prepare('SELECT MIN(start_ms) FROM bookings').pluck().get() as number).toISOString().slice(0, 10);
    const board = await console.call<BoardData>('getBoard', { date: someDay, timeZone: 'UTC', days: 7 });
    expect(board.technicians.length).toBe(expected.resource);
    expect(board.bookings.length).toBeGreaterThan(0);
  });

  it('answers a wrong password and an unreachable address with clear errors', async () => {
    const console = startTestConsole();
    consoles.push(console);
    const dispatch = (payload: unknown) => import('../../../electron/main/ipc/register').then(({ createApiDispatcher }) => createApiDispatcher(console.services, () => undefined)('connectHub', payload));
    expect(await dispatch({ url: hub.url, email: ADMIN.email, password: 'not the password' })).toMatchObject({
      ok: false,
      error: { code: 'sign_in_refused', message: expect.stringMatching(/e-mail and password/) },
    });
    expect(await dispatch({ url: 'http://127.0.0.1:9', email: ADMIN.email, password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'hub_unreachable', message: expect.stringMatching(/Cannot reach a hub at http:\/\/127\.0\.0\.1:9/) },
    });
    expect((await console.call<AppInfo>('getAppInfo')).dataOrigin).toBe('demo');
  });
});
