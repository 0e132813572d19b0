/**
 * CalDAV push benchmark (`npm run bench -- calendar`): a booking change to its CalDAV event
 * updated on a local radicale (Debian's, started like the tests start it), hub on a SQLite store
 * with the commit hook and pusher as `npm run hub` runs them. One technician has 200 bookings in
 * the window (pushed first; that initial push is timed too); then 60 changes one after another,
 * each timed from its commit until a CalDAV GET of the event shows the new SEQUENCE.
 * Target: p95 ≤ 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { caldavDirtyHook } from '../server/calendar/caldav-dirty-hook';
import { eventHref } from '../server/calendar/caldav-client';
import { CaldavPusher } from '../server/calendar/caldav-pusher';
import { calendarSequenceHook } from '../server/calendar/calendar-sequence-hook';
import { caldavEventRecords } from '../server/store/notifications/caldav-event-queries';
import { saveCaldavTarget } from '../server/store/notifications/caldav-target-queries';
import { SqliteHubStore } from '../server/store/sqlite-hub-store';
import { DEMO_SEED, buildDemoDataset } from '../shared/demo/seed-builder';
import type { Booking } from '../shared/domain/entities';
import { newBooking } from '../shared/domain/new-booking';
import { startRadicale } from '../test/support/radicale-server';
import { printTable, summarise } from './report-table';

const BOOKINGS = 200;
const CHANGES = 60;
const TARGET_MS = 2_000;
const DAY = 86_400_000;
const USER = { name: 'bench', password: 'bench-caldav-password' };
const auth = { authorization: `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString('base64')}` };

async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after 2 minutes waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const radicale = await startRadicale([USER]);
const folder = mkdtempSync(path.join(tmpdir(), 'dd-caldav-bench-'));
const store = SqliteHubStore.open(folder);
try {
  const collection = await radicale.makeCalendar(USER, 'work');
  const now = Date.now();
  const demo = buildDemoDataset({ seed: DEMO_SEED, now, technicians: 5 });
  const resource = demo.resources[0]!;
  const workOrder = demo.workOrders[0]!;
  const first = Math.floor(now / DAY) * DAY - 6 * DAY;
  const bookings: Booking[] = Array.from({ length: BOOKINGS }, (_, i) => newBooking({ id: `bk-cal-${i}`, workOrderId: workOrder.id, resourceId: resource.id, start: first + i * 90 * 60_000, end: first + i * 90 * 60_000 + 30 * 60_000, travelMinutes: 5, version: 1 }));
  store.addCommitHook(calendarSequenceHook());
  store.addCommitHook(caldavDirtyHook());
  await store.transaction(async (tx) => tx.insertDataset({ ...demo, bookings: [...demo.bookings.filter((b) => b.resourceId !== resource.id), ...bookings], portalRequests: [] }));
  const pusher = new CaldavPusher(store, { info: () => undefined, warn: (details) => console.warn(details) });
  pusher.start();

  const started = performance.now();
  await store.transaction((tx) => saveCaldavTarget(tx.sql, { resourceId: resource.id, url: collection, username: USER.name, password: USER.password, enabled: true }, Date.now()));
  pusher.kick();
  await until('the initial push', async () => (await store.read((tx) => caldavEventRecords(tx.sql, resource.id))).filter((r) => r.sequence !== null).length === BOOKINGS);
  const initialSeconds = (performance.now() - started) / 1000;

  const latencies: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const id = `bk-cal-${(i * 7) % BOOKINGS}`;
    const changedAt = performance.now();
    await store.transaction(async (tx) => {
      const booking = (await tx.get('booking', id))!;
      await tx.put('booking', { ...booking, start: booking.start + 60_000, end: booking.end + 60_000 });
    });
    const sequence = await store.read(async (tx) => Number((await tx.sql.all<{ sequence: number }>('SELECT sequence FROM calendar_events WHERE booking_id = ?', [id]))[0]!.sequence));
    const href = eventHref(collection, id);
    await until(`event ${id} at SEQUENCE ${sequence}`, async () => (await (await fetch(href, { headers: auth })).text()).includes(`SEQUENCE:${sequence}\r\n`));
    latencies.push(performance.now() - changedAt);
  }
  await pusher.stop();
  const s = summarise(latencies);
  console.log(`CalDAV: ${BOOKINGS} events, ${CHANGES} changes; load average ${loadavg()[0]!.toFixed(2)}`);
  printTable([
    ['CalDAV push (radicale, 127.0.0.1)', `initial push of ${BOOKINGS} events`, `${initialSeconds.toFixed(1)} s (${(BOOKINGS / initialSeconds).toFixed(0)} events/s)`],
    ['CalDAV push (radicale, 127.0.0.1)', `booking change → event updated, ${CHANGES} changes: p95 (median, max)`, `${s.p95.toFixed(0)} ms (${s.median.toFixed(0)}, ${s.max.toFixed(0)}) target ≤ ${TARGET_MS} ms ${s.p95 <= TARGET_MS ? 'PASS' : 'MISS'}`],
  ]);
} finally {
  await store.close();
  await radicale.destroy();
  rmSync(folder, { recursive: true, force: true });
}
