import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  portalRoutes,
  type BookingOptionsResponse,
  type BookResponse,
  type FreeTimesResponse,
  type HomeResponse,
  type PortalErrorBody,
} from '../../../shared/contract/portal-http';
import { accountBookings } from '../../../server/store/portal/portal-view-queries';
import { listMail } from '../../../server/store/portal/mail-outbox-queries';
import { pullAsBackOffice, startPortalHub, type PortalHub } from './support/portal-hub';
import { errorCode, type PortalClient } from './support/portal-client';
import { invitedCustomer } from './support/invited-customer';
import { at, localDate, MOVE_DAY_OFFSET, RACE_DAY_OFFSET, ZONE } from './support/portal-company';
import { SmtpSink } from './support/smtp-sink';
import { waitUntil } from './support/wait-until';

let smtp: SmtpSink;
let hub: PortalHub;
let alice: PortalClient;
let bob: PortalClient;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
  alice = await invitedCustomer(hub, smtp, 'ct-a', 'alice@alpha.example');
  bob = await invitedCustomer(hub, smtp, 'ct-b', 'bob@beta.example');
});
afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

const countRows = (table: string) => hub.store.read(async (tx) => Number((await tx.sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n));

describe('booking on the portal', () => {
  it('offers the account assets, the bookable services and the horizon in the account zone', async () => {
    const options = await alice.get<BookingOptionsResponse>(portalRoutes.bookingOptions);
    expect(options.body).toMatchObject({ timeZone: ZONE, slotMode: 'time', firstDate: localDate(Date.now(), 0), lastDate: localDate(Date.now(), 30) });
    expect(options.body.assets.map((a) => a.id)).toEqual(['as-a']);
    expect(options.body.incidentTypes.map((t) => t.name).sort()).toEqual(['Boiler service (portal)', 'Quick check (portal)', 'Rare repair (portal)']);
  });

  it('books in one transaction: portal work order, auto-assigned booking awaiting review with its explanation, portal request, confirmation e-mail', async () => {
    const day = localDate(Date.now(), 4);
    const times = await alice.get<FreeTimesResponse>(portalRoutes.freeTimes, {}, { assetId: 'as-a', incidentTypeId: 'it-boiler', date: day });
    expect(times.status).toBe(200);
    expect(times.body.timeZone).toBe(ZONE);
    const nine = at(day, '09:00');
    expect(times.body.times.map((t) => t.start)).toContain(nine);
    const requestsBefore = await countRows('portal_requests');
    const cursorBefore = await hub.store.read((tx) => tx.latestChange());

    const booked = await alice.post<BookResponse>(portalRoutes.book, { assetId: 'as-a', incidentTypeId: 'it-boiler', start: nine, comments: 'Side door, please ring twice.' });
    expect(booked.status).toBe(201);
    const { appointment } = booked.body;
    expect(appointment).toMatchObject({ status: 'scheduled', start: nine, end: nine + 3_600_000, timeZone: ZONE, service: 'Boiler service (portal)', customerComments: 'Side door, please ring twice.', changeLock: null });
    const booking = await hub.store.read((tx) => tx.get('booking', appointment.bookingId));
    expect(booking).toMatchObject({ assignmentOrigin: 'auto', reviewState: 'needs_review' });
    expect(JSON.parse(booking!.explanation!)).toMatchObject({ winnerId: booking!.resourceId });
    const workOrder = await hub.store.read((tx) => tx.get('workOrder', appointment.workOrderId));
    expect(workOrder).toMatchObject({ source: 'portal', status: 'scheduled', accountId: 'acc-a', assetId: 'as-a', primaryContactId: 'ct-a' });
    expect(await countRows('portal_requests')).toBe(requestsBefore + 1);

    // A console pulling after the booking gets the work order, the booking awaiting review and the request, and no secrets.
    const pulled = await pullAsBackOffice(hub, cursorBefore);
    expect(pulled.find((c) => c.entity === 'booking' && c.id === appointment.bookingId)?.data).toMatchObject({ reviewState: 'needs_review', assignmentOrigin: 'auto' });
    expect(pulled.find((c) => c.entity === 'workOrder' && c.id === appointment.workOrderId)?.data).toMatchObject({ source: 'portal', customerComments: 'Side door, please ring twice.' });
    expect(pulled.find((c) => c.entity === 'portalRequest')?.data).toMatchObject({ kind: 'new_booking', contactId: 'ct-a', workOrderId: appointment.workOrderId, message: 'Side door, please ring twice.' });
    expect(JSON.stringify(pulled)).not.toMatch(/scrypt|password|code_hash/);

    const mail = await smtp.waitFor((m) => m.to === 'alice@alpha.example' && m.subject.includes(appointment.workOrderNumber));
    expect(mail.text).toContain('America/New_York');
    expect(mail.text).toMatch(/When: .* 9:00\s*–\s*10:00\sAM\s(EST|EDT)\n/);
    expect(mail.text).toContain(appointment.technicianName);
  });

  it('gives exactly one of two customers racing for the last free time; the other gets 409 and the fresh times', async () => {
    const day = localDate(Date.now(), RACE_DAY_OFFSET);
    const times = await alice.get<FreeTimesResponse>(portalRoutes.freeTimes, {}, { assetId: 'as-a', incidentTypeId: 'it-race', date: day });
    expect(times.body.times.map((t) => t.start)).toEqual([at(day, '09:00')]);
    const bookingsBefore = await countRows('bookings');
    const workOrdersBefore = await countRows('work_orders');
    const [a, b] = await Promise.all([
      alice.post<BookResponse>(portalRoutes.book, { assetId: 'as-a', incidentTypeId: 'it-race', start: at(day, '09:00') }),
      bob.post<BookResponse>(portalRoutes.book, { assetId: 'as-b', incidentTypeId: 'it-race', start: at(day, '09:00') }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = (a.status === 409 ? a : b) as unknown as { body: PortalErrorBody };
    expect(loser.body.error.code).toBe('slot_taken');
    expect(loser.body.error.freeTimes).toEqual({ date: day, timeZone: ZONE, times: [] });
    // Nothing of the loser's attempt was left behind.
    expect(await countRows('bookings')).toBe(bookingsBefore + 1);
    expect(await countRows('work_orders')).toBe(workOrdersBefore + 1);
  });

  it('refuses a time that is not offered, a service not bookable on the portal, a day outside the horizon and another account\'s asset', async () => {
    const day = localDate(Date.now(), 4);
    const odd = await alice.post(portalRoutes.book, { assetId: 'as-a', incidentTypeId: 'it-quick', start: at(day, '09:17') });
    expect([odd.status, errorCode(odd)]).toEqual([409, 'slot_taken']);
    const internal = await alice.post(portalRoutes.book, { assetId: 'as-a', incidentTypeId: 'it-internal', start: at(day, '09:00') });
    expect([internal.status, errorCode(internal)]).toEqual([400, 'not_bookable']);
    const far = await alice.get(portalRoutes.freeTimes, {}, { assetId: 'as-a', incidentTypeId: 'it-quick', date: localDate(Date.now(), 45) });
    expect([far.status, errorCode(far)]).toEqual([400, 'outside_horizon']);
    const foreign = await alice.post(portalRoutes.book, { assetId: 'as-b', incidentTypeId: 'it-quick', start: at(day, '09:00') });
    expect([foreign.status, errorCode(foreign)]).toEqual([404, 'not_found']);
  });

  it('shows home as SPEC says: the Traveling visit active, Scheduled and In Progress upcoming, Completed past with feedback offered', async () => {
    const home = await alice.get<HomeResponse>(portalRoutes.home);
    expect(home.body.active).toMatchObject({ bookingId: 'bk-traveling', trackingAvailable: true, changeLock: 'locked' });
    const upcoming = home.body.upcoming.map((a) => a.bookingId);
    expect(upcoming).toEqual(expect.arrayContaining(['bk-in-progress', 'bk-near', 'bk-far']));
    expect(upcoming).not.toContain('bk-traveling');
    expect(home.body.past.map((a) => a.bookingId)).toEqual(['bk-completed']);
    expect(home.body.past[0]).toMatchObject({ feedbackAllowed: true, changeLock: 'history' });
    expect(home.body.upcoming.find((a) => a.bookingId === 'bk-near')).toMatchObject({ changeLock: 'inside_change_notice', changeNotice: { hours: 24 } });
    expect(JSON.stringify(home.body)).not.toContain('bk-b');
  });

  it('moves a visit keeping its technician when free, and to the best other one when not', async () => {
    const day = localDate(Date.now(), MOVE_DAY_OFFSET);
    const moved = await alice.post<BookResponse>(portalRoutes.move, { start: at(day, '14:00') }, { bookingId: 'bk-far' });
    expect(moved.status).toBe(200);
    expect(moved.body.appointment).toMatchObject({ start: at(day, '14:00'), technicianName: 'Ann Archer' });
    // Ann is busy at 16:00 with a visit of another account; the engine's best match takes it.
    await hub.store.transaction(async (tx) => {
      await tx.put('workOrder', { ...(await tx.get('workOrder', 'wo-6'))!, status: 'scheduled' });
      await tx.put('booking', { ...(await tx.get('booking', 'bk-b'))!, resourceId: 'r-ann', start: at(day, '16:00'), end: at(day, '16:30') });
    });
    const times = await alice.get<FreeTimesResponse>(portalRoutes.moveFreeTimes, { bookingId: 'bk-far' }, { date: day });
    expect(times.body.times.map((t) => t.start)).toContain(at(day, '16:00'));
    const again = await alice.post<BookResponse>(portalRoutes.move, { start: at(day, '16:00') }, { bookingId: 'bk-far' });
    expect(again.body.appointment).toMatchObject({ start: at(day, '16:00'), technicianName: 'Ben Brooks' });
    expect(await hub.store.read((tx) => tx.get('booking', 'bk-far'))).toMatchObject({ resourceId: 'r-ben', reviewState: 'needs_review', assignmentOrigin: 'auto' });
    const requests = await hub.store.read((tx) => tx.sql.all<{ message: string }>("SELECT message FROM portal_requests WHERE kind = 'reschedule' AND work_order_id = 'wo-5' ORDER BY created_at"));
    expect(requests.at(-1)!.message).toContain('technician changed to Ben Brooks');
    expect(requests.at(-1)!.message).toContain('(America/New_York)');
  });

  it('refuses changes inside the service\'s notice with the reason, and takes a callback request instead', async () => {
    const move = await alice.post<PortalErrorBody>(portalRoutes.move, { start: at(localDate(Date.now(), 6), '10:00') }, { bookingId: 'bk-near' });
    expect([move.status, move.body.error.code]).toEqual([409, 'inside_change_notice']);
    expect(move.body.error.changeNotice?.hours).toBe(24);
    const cancel = await alice.post(portalRoutes.cancel, { note: 'Shop closed that day' }, { bookingId: 'bk-near' });
    expect(errorCode(cancel)).toBe('inside_change_notice');
    expect((await hub.store.read((tx) => tx.get('booking', 'bk-near')))?.status).toBe('scheduled');
    const callback = await alice.post<{ requestId: string }>(portalRoutes.callbackRequest, { intent: 'cancellation', message: 'The shop is closed that day.' }, { bookingId: 'bk-near' });
    expect(callback.status).toBe(201);
    const request = await hub.store.read((tx) => tx.get('portalRequest', callback.body.requestId));
    expect(request).toMatchObject({ kind: 'cancellation', state: 'open', contactId: 'ct-a', workOrderId: 'wo-4' });
    expect(request!.message).toContain('The shop is closed that day.');
  });

  it('locks Traveling and In Progress visits, keeps history history', async () => {
    for (const bookingId of ['bk-traveling', 'bk-in-progress', 'bk-completed']) {
      const move = await alice.post(portalRoutes.move, { start: at(localDate(Date.now(), 6), '10:00') }, { bookingId });
      expect([bookingId, move.status, errorCode(move)]).toEqual([bookingId, 409, 'locked']);
      const cancel = await alice.post(portalRoutes.cancel, { note: 'please' }, { bookingId });
      expect([bookingId, cancel.status, errorCode(cancel)]).toEqual([bookingId, 409, 'locked']);
    }
  });

  it('cancels with a required note, under the customer-request reason', async () => {
    const bare = await alice.post(portalRoutes.cancel, { note: '   ' }, { bookingId: 'bk-far' });
    expect([bare.status, errorCode(bare)]).toEqual([400, 'invalid_request']);
    const canceled = await alice.post<BookResponse>(portalRoutes.cancel, { note: 'We replaced the boiler.' }, { bookingId: 'bk-far' });
    expect(canceled.status).toBe(200);
    expect(canceled.body.appointment).toMatchObject({ status: 'canceled', cancellationNote: 'We replaced the boiler.', changeLock: 'history' });
    expect(await hub.store.read((tx) => tx.get('booking', 'bk-far'))).toMatchObject({ status: 'canceled', cancellationReasonCode: 'customer-request' });
    expect((await hub.store.read((tx) => tx.get('workOrder', 'wo-5')))?.status).toBe('canceled');
  });

  it('takes feedback once on a completed visit; a low rating becomes a portal request', async () => {
    const early = await alice.post(portalRoutes.feedback, { rating: 5 }, { bookingId: 'bk-near' });
    expect(errorCode(early)).toBe('feedback_not_allowed');
    const low = await alice.post<BookResponse>(portalRoutes.feedback, { rating: 1, comment: 'Nobody came on time.' }, { bookingId: 'bk-completed' });
    expect(low.status).toBe(200);
    expect(low.body.appointment).toMatchObject({ feedbackAllowed: false, feedback: { rating: 1, comment: 'Nobody came on time.' } });
    const requests = await hub.store.read((tx) => tx.sql.all<{ message: string }>("SELECT message FROM portal_requests WHERE kind = 'low_feedback' AND work_order_id = 'wo-3'"));
    expect(requests.map((r) => r.message)).toEqual(['Feedback 1/5: "Nobody came on time."']);
    const twice = await alice.post(portalRoutes.feedback, { rating: 5 }, { bookingId: 'bk-completed' });
    expect(errorCode(twice)).toBe('feedback_not_allowed');
  });

  it('wrote one confirmation e-mail per booking into the outbox, each sent', async () => {
    // Alice's first booking, and the race's winner (either account).
    const bookings = [...(await hub.store.read((tx) => accountBookings(tx.sql, 'acc-a'))), ...(await hub.store.read((tx) => accountBookings(tx.sql, 'acc-b')))];
    const portalBooked = bookings.filter((b) => !b.booking.id.startsWith('bk-'));
    expect(portalBooked).toHaveLength(2);
    await waitUntil(async () => (await hub.store.read((tx) => listMail(tx.sql))).every((m) => m.state === 'sent'));
    for (const item of portalBooked) {
      const mails = await hub.store.read((tx) => listMail(tx.sql, { relatedId: item.booking.id }));
      expect(mails.map((m) => [m.kind, m.state])).toEqual([['booking_confirmed', 'sent']]);
    }
  });
});
