/**
 * Notifications and calendars benchmark (`npm run bench -- calendar`):
 * - a technician's iCalendar feed over HTTP (hub on 127.0.0.1, SQLite store) with 2,000 bookings
 *   in its window: the first answer after start, p95 of 100 full answers, of 100 `If-None-Match` polls (304)
 *   and of 30 answers each after a work order changed. Target: p95 ≤ 50 ms.
 * - outbox throughput: 500 rendered notifications queued, delivered by the hub's MailDelivery over
 *   real SMTP to a local server (the smtp-server package): messages per second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { calendarSequenceHook } from '../server/calendar/calendar-sequence-hook';
import { rotateFeedToken } from '../server/calendar/technician-feed';
import { buildHubApp } from '../server/http/build-hub-app';
import { MailDelivery, smtpTransport } from '../server/mail/mail-delivery';
import { defaultDeliveryTiming, defaultMailOptions } from '../server/mail/mail-options';
import { enqueueRendered } from '../server/mail/mail-outbox';
import { SqliteHubStore } from '../server/store/sqlite-hub-store';
import { feedPath } from '../shared/contract/calendar-http';
import { DEMO_SEED, buildDemoDataset } from '../shared/demo/seed-builder';
import type { Booking, WorkOrder } from '../shared/domain/entities';
import { newBooking } from '../shared/domain/new-booking';
import { printTable, summarise } from './report-table';

const BOOKINGS = 2_000;
const REQUESTS = 100;
const CHANGES = 30;
const MESSAGES = 500;
const TARGET_MS = 50;
const DAY = 86_400_000;

async function feedBench(rows: string[][]): Promise<void> {
  const now = Date.now();
  const folder = mkdtempSync(path.join(tmpdir(), 'dd-calendar-bench-'));
  const store = SqliteHubStore.open(folder);
  const demo = buildDemoDataset({ seed: DEMO_SEED, now, technicians: 5 });
  const resource = demo.resources[0]!;
  const workOrders: WorkOrder[] = [];
  const bookings: Booking[] = [];
  // 2,000 ten-minute visits every quarter hour from 6 days back: all inside the feed's window.
  const first = Math.floor(now / DAY) * DAY - 6 * DAY;
  for (let i = 0; i < BOOKINGS; i++) {
    const account = demo.accounts[i % demo.accounts.length]!;
    const id = `cal-${i}`;
    workOrders.push({ id, number: `WO-${String(i + 1).padStart(6, '0')}`, accountId: account.id, assetId: null, incidentTypeId: demo.incidentTypes[0]!.id, primaryContactId: demo.contacts.find((c) => c.accountId === account.id)?.id ?? null, priority: 'normal', workOrderType: 'Maintenance', summary: `Visit ${i}`, customerComments: '', source: 'console', promisedWindowStart: null, promisedWindowEnd: null, status: 'scheduled', version: 1 });
    const start = first + i * 15 * 60_000;
    bookings.push(newBooking({ id: `bk-${id}`, workOrderId: id, resourceId: resource.id, start, end: start + 10 * 60_000, travelMinutes: 5, version: 1, ...(i % 10 === 0 ? { status: 'canceled', cancellationReasonCode: 'customer-request', cancellationNote: '' } : {}) }));
  }
  store.addCommitHook(calendarSequenceHook());
  const token = await store.transaction(async (tx) => {
    await tx.insertDataset({ ...demo, workOrders: [...demo.workOrders, ...workOrders], bookings: [...demo.bookings.filter((b) => b.resourceId !== resource.id), ...bookings], portalRequests: [] });
    return rotateFeedToken(tx, resource.id, 'bench', now);
  });
  const app = buildHubApp(store, { version: 'bench' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${feedPath(token)}`;
  const fetchFeed = async (headers: Record<string, string> = {}) => {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, etag: response.headers.get('etag') ?? '', events: body.split('BEGIN:VEVENT').length - 1 };
  };
  // The first answer after the hub starts renders every event (ical-generator, about 0.2-0.4 ms each).
  const cold = await fetchFeed();
  const full: number[] = [];
  let etag = cold.etag;
  for (let i = 0; i < REQUESTS; i++) {
    const answer = await fetchFeed();
    full.push(answer.ms);
    etag = answer.etag;
  }
  const polls: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const answer = await fetchFeed({ 'if-none-match': etag });
    if (answer.status !== 304) throw new Error(`expected 304, got ${answer.status}`);
    polls.push(answer.ms);
  }
  // A dispatcher's edit between polls: one work order's summary changes, its event is rendered again.
  const changed: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const workOrder = workOrders[i * 37]!;
    await store.transaction(async (tx) => {
      await tx.put('workOrder', { ...workOrder, summary: `${workOrder.summary} (changed ${i})`, version: workOrder.version + i + 1 });
    });
    const answer = await fetchFeed({ 'if-none-match': etag });
    if (answer.status !== 200 || answer.etag === etag) throw new Error('a changed feed must be answered in full with a new tag');
    etag = answer.etag;
    changed.push(answer.ms);
  }
  const a = summarise(full);
  const b = summarise(polls);
  const c = summarise(changed);
  console.log(`feed: ${cold.events} events in the window; load average ${loadavg()[0]!.toFixed(2)}`);
  rows.push(['calendar feed, 2,000 bookings', 'first answer after the hub starts', `${cold.ms.toFixed(1)} ms`]);
  rows.push(['calendar feed, 2,000 bookings', 'full answer p95 (median, max)', `${a.p95.toFixed(1)} ms (${a.median.toFixed(1)}, ${a.max.toFixed(1)}) target ≤ ${TARGET_MS} ms ${a.p95 <= TARGET_MS ? 'PASS' : 'MISS'}`]);
  rows.push(['calendar feed, 2,000 bookings', 'after one work order changed, p95 (median)', `${c.p95.toFixed(1)} ms (${c.median.toFixed(1)}) target ≤ ${TARGET_MS} ms ${c.p95 <= TARGET_MS ? 'PASS' : 'MISS'}`]);
  rows.push(['calendar feed, 2,000 bookings', 'If-None-Match → 304 p95 (median)', `${b.p95.toFixed(1)} ms (${b.median.toFixed(1)})`]);
  await app.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}

async function outboxBench(rows: string[][]): Promise<void> {
  let received = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        if (++received === MESSAGES) done();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const folder = mkdtempSync(path.join(tmpdir(), 'dd-outbox-bench-'));
  const store = SqliteHubStore.open(folder);
  const start = Date.now() + 3 * DAY;
  await store.transaction(async (tx) => {
    for (let i = 0; i < MESSAGES; i++) {
      await enqueueRendered(tx, { to: `customer${i}@example.com`, content: { kind: 'booking_confirmed', name: `Customer ${i}`, number: `WO-${String(i + 1).padStart(5, '0')}`, service: 'Boiler service', technician: 'Ann', address: '1 Main St', start, end: start + 3_600_000, link: 'https://example.com/portal/#/appointments/x' }, setting: { locale: 'en', timeZone: 'America/Chicago', company: 'Acme' } }, Date.now());
    }
  });
  const options = { ...defaultMailOptions, host: '127.0.0.1', port };
  const timing = { ...defaultDeliveryTiming, pollMs: 100 };
  const delivery = new MailDelivery(store, smtpTransport(options, timing), options.from, { info: () => undefined, warn: (details) => console.warn(details) }, timing);
  const started = performance.now();
  delivery.start();
  // Reported, not hung, should delivery stall.
  let stall: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise((resolve) => (stall = setTimeout(resolve, 120_000)))]);
  // Cleared, or the bench would wait out the two minutes after its last line.
  clearTimeout(stall);
  if (received < MESSAGES) throw new Error(`only ${received} of ${MESSAGES} messages arrived in 2 minutes`);
  const seconds = (performance.now() - started) / 1000;
  await delivery.stop();
  rows.push(['outbox over SMTP (127.0.0.1)', `${MESSAGES} rendered messages, one pooled connection`, `${(MESSAGES / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s)`]);
  await store.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(folder, { recursive: true, force: true });
}

const rows: string[][] = [];
await feedBench(rows);
printTable(rows);
const outbox: string[][] = [];
await outboxBench(outbox);
printTable(outbox);
