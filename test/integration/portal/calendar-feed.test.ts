import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedPath } from '../../../shared/contract/calendar-http';
import { hubRoutes, type SignInResponse } from '../../../shared/contract/hub-http';
import { newBooking } from '../../../shared/domain/new-booking';
import { FeedRenderer } from '../../../server/calendar/feed-renderer';
import { technicianFeed } from '../../../server/calendar/technician-feed';
import { createUser } from '../../../server/users/create-user';
import { readIcs, type ReadEvent } from '../../support/read-ics';
import { ZONE } from './support/portal-company';
import { startPortalHub, type PortalHub } from './support/portal-hub';
import { SmtpSink } from './support/smtp-sink';

/**
 * A technician's secret iCalendar feed as a calendar app polls it, read back by an independent
 * parser (ical.js): the window, the fields, stable UIDs, SEQUENCE raised on every change that
 * shows, cancellations, ETag / If-None-Match, rotation; and DST weeks in the right zone.
 */
const ADMIN = { email: 'ada@acme.example', password: 'administrator-password' };
const DAY = 86_400_000;

let smtp: SmtpSink;
let hub: PortalHub;
let token: string;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
  await createUser(hub.store, { ...ADMIN, name: 'Ada Min', role: 'administrator' });
  const signIn = await fetch(`${hub.url}${hubRoutes.signIn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  token = ((await signIn.json()) as SignInResponse).token;
});

afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

async function rotate(resourceId: string): Promise<Response> {
  return fetch(`${hub.url}/api/v1/calendar-feeds/${resourceId}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
}

const byUid = (events: ReadEvent[]) => new Map(events.map((e) => [e.uid, e]));

describe('technician calendar feed', () => {
  it('publishes the window with every field, answers 304 to an unchanged poll, and raises SEQUENCE on changes (work order ones too)', async () => {
    // Outside the window: 9 days back and 16 days ahead.
    await hub.store.transaction(async (tx) => {
      await tx.put('booking', newBooking({ id: 'bk-old', workOrderId: 'wo-5', resourceId: 'r-ann', start: Date.now() - 9 * DAY, end: Date.now() - 9 * DAY + 3_600_000, travelMinutes: 5 }));
      await tx.put('booking', newBooking({ id: 'bk-later', workOrderId: 'wo-5', resourceId: 'r-ann', start: Date.now() + 16 * DAY, end: Date.now() + 16 * DAY + 3_600_000, travelMinutes: 5 }));
      const workOrder = (await tx.get('workOrder', 'wo-4'))!;
      await tx.put('workOrder', { ...workOrder, primaryContactId: 'ct-a', workOrderType: 'Maintenance', summary: 'Boiler pressure drops' });
    });
    const rotated = await rotate('r-ann');
    expect(rotated.status).toBe(200);
    const { url } = (await rotated.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${hub.url}/calendar/ddc_[A-Za-z0-9_-]{32}\\.ics$`));

    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const etag = first.headers.get('etag')!;
    const calendar = readIcs(await first.text());
    expect(calendar.zones).toEqual([ZONE]);
    const events = byUid(calendar.events);
    expect([...events.keys()].sort()).toEqual(['bk-completed@dispatch-desk', 'bk-far@dispatch-desk', 'bk-in-progress@dispatch-desk', 'bk-near@dispatch-desk']);
    const near = events.get('bk-near@dispatch-desk')!;
    const stored = (await hub.store.read((tx) => tx.get('booking', 'bk-near')))!;
    // iCalendar times are whole seconds.
    const second = (ms: number) => Math.floor(ms / 1000) * 1000;
    expect(near).toMatchObject({ start: second(stored.start), end: second(stored.end), zone: ZONE, status: 'CONFIRMED', location: '1 Alpha Street, New York', summary: 'WO-00004 · Boiler service · Alpha Bakery' });
    for (const field of ['Work order: WO-00004', 'Priority: normal', 'Work order type: Maintenance', 'Primary incident type: Boiler service', 'Summary: Boiler pressure drops', 'Account: Alpha Bakery', 'Location: 1 Alpha Street, New York', 'Primary contact: Customer ct-a <alice@alpha.example>']) {
      expect(near.description).toContain(field);
    }

    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await hub.store.transaction(async (tx) => {
      const workOrder = (await tx.get('workOrder', 'wo-4'))!;
      await tx.put('workOrder', { ...workOrder, priority: 'urgent' });
    });
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    const after = byUid(readIcs(await changed.text()).events);
    expect(after.get('bk-near@dispatch-desk')!.description).toContain('Priority: urgent');
    expect(after.get('bk-near@dispatch-desk')!.sequence).toBeGreaterThan(near.sequence);
    expect(after.get('bk-far@dispatch-desk')!.sequence).toBe(events.get('bk-far@dispatch-desk')!.sequence);
  });

  it('keeps a canceled booking in the feed as cancelled, under the same UID with a higher SEQUENCE', async () => {
    const url = `${hub.url}${((await (await rotate('r-ben')).json()) as { url: string }).url.slice(hub.url.length)}`;
    const before = byUid(readIcs(await (await fetch(url)).text()).events).get('bk-b@dispatch-desk')!;
    expect(before.status).toBe('CONFIRMED');
    await hub.store.transaction(async (tx) => {
      const booking = (await tx.get('booking', 'bk-b'))!;
      await tx.put('booking', { ...booking, status: 'canceled', cancellationReasonCode: 'customer-request', cancellationNote: 'closed' });
    });
    const after = byUid(readIcs(await (await fetch(url)).text()).events).get('bk-b@dispatch-desk')!;
    expect(after.status).toBe('CANCELLED');
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('answers 404 for a rotated address, a made-up one and a malformed one, and only administrators rotate', async () => {
    const old = ((await (await rotate('r-rae')).json()) as { url: string }).url;
    const fresh = ((await (await rotate('r-rae')).json()) as { url: string }).url;
    expect((await fetch(old)).status).toBe(404);
    expect((await fetch(fresh)).status).toBe(200);
    expect((await fetch(`${hub.url}${feedPath(`ddc_${'A'.repeat(32)}`)}`)).status).toBe(404);
    expect((await fetch(`${hub.url}/calendar/..%2F..%2Fetc.ics`)).status).toBe(404);
    expect((await rotate('no-such-tech')).status).toBe(404);
    expect((await fetch(`${hub.url}/api/v1/calendar-feeds/r-rae`, { method: 'POST' })).status).toBe(401);
  });

  it('writes events of a DST week in the technician zone at the right instants', async () => {
    const local = (text: string) => Temporal.ZonedDateTime.from(`${text}[${ZONE}]`).epochMilliseconds;
    // 2026-03-08 02:00 is skipped in New York: a night job across it lasts 2 hours, not 3.
    const dst = [
      { id: 'bk-dst-1', start: local('2026-03-06T09:00'), end: local('2026-03-06T10:00') },
      { id: 'bk-dst-2', start: local('2026-03-08T01:00'), end: local('2026-03-08T04:00') },
      { id: 'bk-dst-3', start: local('2026-03-09T09:00'), end: local('2026-03-09T10:00') },
    ];
    await hub.store.transaction(async (tx) => {
      for (const b of dst) await tx.put('booking', newBooking({ ...b, workOrderId: 'wo-6', resourceId: 'r-rae', travelMinutes: 5 }));
    });
    const feed = await hub.store.read((tx) => technicianFeed(tx, new FeedRenderer(), 'r-rae', local('2026-03-07T12:00')));
    const events = byUid(readIcs(feed!.body).events);
    expect(events.get('bk-dst-1@dispatch-desk')).toMatchObject({ start: Date.parse('2026-03-06T14:00:00Z'), zone: ZONE });
    expect(events.get('bk-dst-2@dispatch-desk')).toMatchObject({ start: Date.parse('2026-03-08T06:00:00Z'), end: Date.parse('2026-03-08T08:00:00Z') });
    expect(events.get('bk-dst-3@dispatch-desk')).toMatchObject({ start: Date.parse('2026-03-09T13:00:00Z'), zone: ZONE });
  });
});
