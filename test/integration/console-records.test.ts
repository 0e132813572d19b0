import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiDispatcher, type ApiDispatcher } from '../../electron/main/ipc/register';
import { startConsoleServices, type ConsoleServices } from '../../electron/main/services';
import type { AppRoute, BoardData, ConsoleEvent, MapDay, SavedBoardView, SearchResults, WorkOrderDetail } from '../../shared/contract';

/**
 * The console API behind the palette, the work order detail, saved views, links and the map,
 * over a real replica file with the demo company (the browser host's and Electron's services).
 */
const now = Date.UTC(2026, 10, 23, 16, 30); // Monday 10:30 in Chicago
let services: ConsoleServices;
let dispatch: ApiDispatcher;
const events: ConsoleEvent[] = [];

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-records-'));
  services = startConsoleServices({ dataFile: path.join(dir, 'replica.sqlite'), appVersion: '1.2.3', runtime: 'browser-host', now: () => now, autoSync: false });
  services.onEvent((event) => events.push(event));
  dispatch = createApiDispatcher(services, () => undefined);
});
afterAll(() => services.close());

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(method, payload);
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result.data as T;
}

async function refused(method: string, payload: unknown): Promise<{ code: string; message: string }> {
  const result = await dispatch(method, payload);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}

function firstWorkOrder(): { id: string; number: string; summary: string; accountName: string } {
  return services.db.prepare(
    `SELECT w.id, w.number, w.summary, a.name AS accountName FROM work_orders w JOIN accounts a ON a.id = w.account_id
     WHERE EXISTS (SELECT 1 FROM bookings b WHERE b.work_order_id = w.id AND b.status = 'scheduled') ORDER BY w.number LIMIT 1`,
  ).get() as { id: string; number: string; summary: string; accountName: string };
}

describe('search', () => {
  it('finds a work order by a misspelled summary word and its account, with the matches to highlight', async () => {
    const wo = firstWorkOrder();
    const word = wo.summary.split(' ').sort((a, b) => b.length - a.length)[0]!.toLowerCase();
    const typo = `${word.slice(0, 1)}${word.slice(2, 3)}${word.slice(1, 2)}${word.slice(3)}`;
    const results = await ok<SearchResults>('search', { query: `${typo} ${wo.accountName}` });
    const hits = results.groups.find((g) => g.kind === 'workOrder')!.hits;
    const hit = hits.find((h) => h.id === wo.id)!;
    expect(hit).toMatchObject({ workOrderNumber: wo.number, title: `${wo.number} · ${wo.summary}` });
    expect(hit.subtitleMatches.length).toBeGreaterThan(0);
  });

  it('finds nothing under three letters, and refuses an overlong query', async () => {
    expect(await ok<SearchResults>('search', { query: 'wo' })).toEqual({ query: 'wo', groups: [] });
    expect((await refused('search', { query: 'x'.repeat(201) })).message).toMatch(/query: a search may hold at most 200 characters/);
  });
});

describe('work order detail', () => {
  it('shows fields, booking history, comments and an audit trail with who, when, before and after', async () => {
    const wo = firstWorkOrder();
    const booking = services.db.prepare("SELECT id, version FROM bookings WHERE work_order_id = ? AND status = 'scheduled'").get(wo.id) as { id: string; version: number };
    await ok('runMutation', { name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } });
    const added = await ok<{ outcome: { status: string } }>('runMutation', { name: 'addComment', args: { commentId: 'c-1', workOrderId: wo.id, text: '  Gate code 4411  ' } });
    expect(added.outcome.status).toBe('applied');

    const detail = await ok<WorkOrderDetail>('getWorkOrderDetail', { number: wo.number });
    expect(detail).toMatchObject({ id: wo.id, number: wo.number, summary: wo.summary, account: { name: wo.accountName } });
    expect(detail.bookings.map((b) => b.id)).toContain(booking.id);
    expect(detail.comments).toEqual([{ id: 'c-1', workOrderId: wo.id, author: 'Demo dispatcher', at: now, text: 'Gate code 4411' }]);
    const statusChange = detail.audit.find((a) => a.entity === 'booking' && a.entityId === booking.id)!;
    expect(statusChange).toMatchObject({ at: now, actor: 'Demo dispatcher' });
    expect(statusChange.changes).toContainEqual({ field: 'status', before: 'scheduled', after: 'traveling' });
    expect(detail.audit.find((a) => a.action === 'comment')?.changes).toEqual([{ field: 'text', before: null, after: 'Gate code 4411' }]);
    expect(await ok<WorkOrderDetail>('getWorkOrderDetail', { workOrderId: wo.id })).toEqual(detail);
  });

  it('refuses an empty comment and one on a work order that does not exist, and says which', async () => {
    const wo = firstWorkOrder();
    const empty = await ok<{ outcome: { status: string; reason: string } }>('runMutation', { name: 'addComment', args: { commentId: 'c-2', workOrderId: wo.id, text: '   ' } });
    expect(empty.outcome).toMatchObject({ status: 'refused', reason: expect.stringMatching(/text: a comment needs some text/) });
    const nowhere = await ok<{ outcome: { status: string; reason: string } }>('runMutation', { name: 'addComment', args: { commentId: 'c-3', workOrderId: 'wo-missing', text: 'hi' } });
    expect(nowhere.outcome).toMatchObject({ status: 'refused', code: 'not_found' });
  });

  it('answers not found for an unknown number and refuses a malformed one', async () => {
    expect(await refused('getWorkOrderDetail', { number: 'WO-99999' })).toMatchObject({ code: 'not_found', message: 'There is no work order WO-99999 on this computer.' });
    expect((await refused('getWorkOrderDetail', { number: 'WO-1' })).code).toBe('invalid_request');
    expect((await refused('getWorkOrderDetail', { number: 'WO-00001', workOrderId: 'x' })).code).toBe('invalid_request');
  });
});

describe('board filters and saved views', () => {
  it('filters technicians by skill and bookings by status and review', async () => {
    const all = await ok<BoardData>('getBoard', { date: '2026-11-24', timeZone: 'America/Chicago' });
    const skill = services.db.prepare("SELECT characteristic_id FROM resource_characteristics GROUP BY characteristic_id ORDER BY COUNT(*) LIMIT 1").pluck().get() as string;
    const skilled = await ok<BoardData>('getBoard', { date: '2026-11-24', timeZone: 'America/Chicago', characteristicIds: [skill] });
    expect(skilled.technicians.length).toBeGreaterThan(0);
    expect(skilled.technicians.length).toBeLessThan(all.technicians.length);
    for (const t of skilled.technicians) expect(services.db.prepare('SELECT 1 FROM resource_characteristics WHERE resource_id = ? AND characteristic_id = ?').get(t.id, skill)).toBeTruthy();
    const review = await ok<BoardData>('getBoard', { date: '2026-11-24', timeZone: 'America/Chicago', needsReview: true });
    expect(review.bookings.length).toBeGreaterThan(0);
    expect(review.bookings.every((b) => b.needsReview && b.status !== 'canceled')).toBe(true);
    const completed = await ok<BoardData>('getBoard', { date: '2026-11-20', timeZone: 'America/Chicago', statuses: ['completed'] });
    expect(completed.bookings.length).toBeGreaterThan(0);
    expect(completed.bookings.every((b) => b.status === 'completed')).toBe(true);
  });

  it('saves a view, replaces it under the same name, lists and deletes it', async () => {
    const view = { filter: { territoryIds: ['ter-south'], characteristicIds: [], statuses: [], needsReview: true }, days: 3 };
    const saved = await ok<SavedBoardView>('saveBoardView', { name: 'South review', view });
    const replaced = await ok<SavedBoardView>('saveBoardView', { name: 'South review', view: { ...view, days: 7 } });
    expect(replaced.id).toBe(saved.id);
    expect(await ok<SavedBoardView[]>('listBoardViews', {})).toEqual([{ id: saved.id, name: 'South review', view: { ...view, days: 7 }, updatedAt: now }]);
    expect((await refused('saveBoardView', { name: ' ', view })).message).toMatch(/name: a view needs a name/);
    expect((await refused('saveBoardView', { name: 'x', view: { ...view, days: 5 } })).code).toBe('invalid_request');
    expect(await ok('deleteBoardView', { id: saved.id })).toEqual({ deleted: true });
    expect(await ok('deleteBoardView', { id: saved.id })).toEqual({ deleted: false });
    expect(await ok<SavedBoardView[]>('listBoardViews', {})).toEqual([]);
  });
});

describe('links', () => {
  it('queues a work order link for the window, tells it, and hands it over once', async () => {
    events.length = 0;
    expect(await ok<AppRoute>('openLink', { url: 'dispatch-desk://work-order/wo-00012' })).toEqual({ kind: 'work-order', number: 'WO-00012' });
    expect(events).toContainEqual({ type: 'routes-pending' });
    expect(await ok<AppRoute[]>('takeRoutes', {})).toEqual([{ kind: 'work-order', number: 'WO-00012' }]);
    expect(await ok<AppRoute[]>('takeRoutes', {})).toEqual([]);
  });

  it.each([
    ['https://evil.example/work-order/WO-00012', 'Only dispatch-desk:// links open in Dispatch Desk.'],
    ['dispatch-desk://account/acc-1', 'Dispatch Desk cannot open "account" links.'],
    ['dispatch-desk://work-order/12', '"12" is not a work order number like WO-00123.'],
    ['dispatch-desk://work-order/WO-00012/extra', 'The link should look like dispatch-desk://work-order/WO-00123.'],
    ['dispatch-desk://work-order/%E0%A4%A', '"%E0%A4%A" is not a work order number like WO-00123.'],
  ])('refuses %s with a reason', async (url, reason) => {
    expect(await refused('openLink', { url })).toEqual({ code: 'invalid_request', message: reason });
  });
});

describe('map and context menu', () => {
  it("lists the day's visits with their sites and where every technician was last known", async () => {
    const day = await ok<MapDay>('getMapDay', { date: '2026-11-23', timeZone: 'America/Chicago' });
    const board = await ok<BoardData>('getBoard', { date: '2026-11-23', timeZone: 'America/Chicago' });
    expect(day.visits.length).toBe(board.bookings.filter((b) => b.status !== 'canceled').length);
    expect(day.technicians.length).toBe(board.technicians.length);
    const sources = new Set(day.technicians.map((t) => t.source));
    expect(sources.has('last_completed') || sources.has('in_progress')).toBe(true);
    for (const t of day.technicians.filter((x) => x.source !== 'home_base')) expect(day.visits.some((v) => v.workOrderNumber === t.workOrderNumber)).toBe(true);
  });

  it('tells the browser host page to show its own context menu', async () => {
    expect(await ok('showContextMenu', { items: [{ id: 'open', label: 'Open' }] })).toEqual({ shown: false, chosen: null });
  });
});
