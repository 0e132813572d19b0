import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiDispatcher, registerIpcHandlers, type ApiDispatcher, type IpcMainLike } from '../../electron/main/ipc/register';
import { startConsoleServices, type ConsoleServices } from '../../electron/main/services';
import { ipcChannel, ipcMethodNames } from '../../shared/contract/ipc-channels';
import { migrations } from '../../electron/main/db/migrations';
import type { BoardData } from '../../shared/contract/ipc-contract';

const now = Date.UTC(2026, 10, 23, 16, 30); // Monday 10:30 in Chicago
let services: ConsoleServices;
let dispatch: ApiDispatcher;
const logged: string[] = [];

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-ipc-'));
  services = startConsoleServices({ dataFile: path.join(dir, 'replica.sqlite'), appVersion: '1.2.3', runtime: 'browser-host', now: () => now });
  dispatch = createApiDispatcher(services, (message) => logged.push(message));
});
afterAll(() => services.close());

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(method, payload);
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result.data as T;
}

describe('console API over a real replica file', () => {
  it('seeds the demo company on first start and reports where data lives', async () => {
    const info = await ok<{ dataOrigin: string; operatingTimeZone: string; schemaVersion: number; dataFile: string }>('getAppInfo', {});
    expect(info).toMatchObject({ dataOrigin: 'demo', operatingTimeZone: 'America/Chicago', schemaVersion: migrations.length });
    expect(info.dataFile).toMatch(/replica\.sqlite$/);
  });

  it('answers the board for a day with every technician, grouped by territory, and that day\'s bookings', async () => {
    const board = await ok<BoardData>('getBoard', { date: '2026-11-23', timeZone: 'America/Chicago' });
    expect(board.technicians).toHaveLength(40);
    const territories = board.technicians.map((t) => t.territoryName);
    expect(territories).toEqual([...territories].sort());
    expect(board.bookings.length).toBeGreaterThan(60);
    expect(board.rangeEnd - board.rangeStart).toBe(24 * 3_600_000);
    for (const b of board.bookings) expect(b.start < board.rangeEnd && b.end > board.rangeStart).toBe(true);
  });

  it('makes a DST day 25 hours long in the board range', async () => {
    const board = await ok<BoardData>('getBoard', { date: '2026-11-01', timeZone: 'America/Chicago' });
    expect(board.rangeEnd - board.rangeStart).toBe(25 * 3_600_000);
  });

  it('filters the board by territory', async () => {
    const board = await ok<BoardData>('getBoard', { date: '2026-11-23', timeZone: 'America/Chicago', territoryIds: ['ter-south'] });
    expect(board.technicians.length).toBeGreaterThan(5);
    expect(board.technicians.length).toBeLessThan(40);
  });

  it('answers a booking detail and a clear not-found for an unknown id', async () => {
    const board = await ok<BoardData>('getBoard', { date: '2026-11-23', timeZone: 'America/Chicago' });
    const detail = await ok<{ id: string; resourceName: string }>('getBookingDetail', { bookingId: board.bookings[0]!.id });
    expect(detail.id).toBe(board.bookings[0]!.id);
    expect(await dispatch('getBookingDetail', { bookingId: 'bkg-nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no booking bkg-nope.' },
    });
  });

  it('lists unscheduled work orders most urgent first and open portal requests', async () => {
    const orders = await ok<{ priority: string }[]>('listUnscheduledWorkOrders', {});
    expect(orders.length).toBeGreaterThan(5);
    expect(orders[0]!.priority).toBe('urgent');
    const requests = await ok<{ state: string }[]>('listPortalRequests', {});
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.state === 'open')).toBe(true);
  });

  const badPayloads: [string, unknown, RegExp][] = [
    ['getBoard', { date: 'tomorrow', timeZone: 'America/Chicago' }, /date: must be a date like 2026-11-23/],
    ['getBoard', { date: '2026-11-23', timeZone: 'Mars/Olympus' }, /timeZone: is not a known IANA time zone/],
    ['getBoard', { date: '2026-11-23', timeZone: 'UTC', days: 30 }, /days:/],
    ['getBoard', { date: '2026-11-23', timeZone: 'UTC', sql: 'DROP TABLE bookings' }, /Unrecognized key/],
    ['getBoard', 'today', /\(request\):/],
    ['getBoard', [1, 2], /\(request\):/],
    ['listBookings', { rangeStart: 10, rangeEnd: 5 }, /rangeEnd: rangeEnd must be after rangeStart/],
    ['listBookings', { rangeStart: -1, rangeEnd: 5 }, /rangeStart:/],
    ['getBookingDetail', {}, /bookingId:/],
    ['listPortalRequests', { state: 'maybe' }, /state:/],
  ];
  it.each(badPayloads)('answers %s with a bad payload %j with a clear error', async (method, payload, message) => {
    const result = await dispatch(method, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.message).toMatch(message);
      expect(result.error.issues?.length).toBeGreaterThan(0);
    }
  });

  it('answers an unknown method without calling anything', async () => {
    expect(await dispatch('dropEverything', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no API method "dropEverything".' },
    });
  });

  it('keeps working after bad calls: the replica is unchanged and still answers', async () => {
    const board = await ok<BoardData>('getBoard', { date: '2026-11-23', timeZone: 'America/Chicago' });
    expect(board.technicians).toHaveLength(40);
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses IPC calls from a frame that is not the console page', async () => {
    const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, dispatch, (url) => url.startsWith('file:///app/renderer/'));
    const handler = registered.get(ipcChannel('getAppInfo'))!;
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: { url: 'file:///app/renderer/index.html' } }, {})).toMatchObject({ ok: true });
    expect(registered.size).toBe(ipcMethodNames.length);
  });
});
