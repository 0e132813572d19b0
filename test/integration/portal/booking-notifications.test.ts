import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMail } from '../../../server/store/portal/mail-outbox-queries';
import { insertPing } from '../../../server/store/portal/tracking-queries';
import { insertProfile } from '../../../server/store/portal/portal-profile-queries';
import { createUser } from '../../../server/users/create-user';
import { readIcs } from '../../support/read-ics';
import { at, localDate, ZONE } from './support/portal-company';
import { backOffice, pullAsBackOffice, pusherFor, startPortalHub, type PortalHub } from './support/portal-hub';
import type { Notification } from '../../../shared/domain/notification';
import { SmtpSink, type ReceivedMail } from './support/smtp-sink';

/**
 * Every booking change a customer hears about, made through the console's mutations (pushed to
 * the hub as a console does) and delivered over real SMTP: the kinds, their content, language
 * and zone, the calendar attachment, and that a mail server being down blocks no change.
 */
const DISPATCHER = { email: 'dee@acme.example', password: 'dispatcher-password' };
const applied = { status: 'applied' };

let smtp: SmtpSink;
let hub: PortalHub;
let push: Awaited<ReturnType<typeof pusherFor>>;
let serial = 100;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
  await createUser(hub.store, { ...DISPATCHER, name: 'Dee Spatch', role: 'dispatcher' });
  await hub.store.transaction(async (tx) => {
    await insertProfile(tx.sql, { contactId: 'ct-b', emailKey: 'bob@beta.example', passwordHash: 'x', language: 'es', createdAt: Date.now() });
    await insertProfile(tx.sql, { contactId: 'ct-a2', emailKey: 'no.role@alpha.example', passwordHash: 'x', language: 'ar', createdAt: Date.now() });
  });
  push = await pusherFor(hub, DISPATCHER);
});

afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

/** A console-made work order for `contactId`, scheduled with `resourceId` at `start`: answers the booking id and the number. */
async function schedule(accountId: string, contactId: string, resourceId: string, start: number): Promise<{ bookingId: string; number: string }> {
  const n = ++serial;
  const workOrderId = `wo-n${n}`;
  expect(await push('createWorkOrder', { workOrderId, accountId, incidentTypeId: 'it-quick', primaryContactId: contactId, summary: 'Leaking boiler' })).toMatchObject(applied);
  const workOrder = await hub.store.read((tx) => tx.get('workOrder', workOrderId));
  const scheduled = await push('scheduleWorkOrder', { workOrderId, expectedVersion: workOrder!.version, bookingId: `bk-n${n}`, start, resourceId });
  expect(scheduled, JSON.stringify(scheduled)).toMatchObject(applied);
  return { bookingId: `bk-n${n}`, number: workOrder!.number };
}

const versionOf = async (bookingId: string) => (await hub.store.read((tx) => tx.get('booking', bookingId)))!.version;
const kindsFor = async (bookingId: string) => (await hub.store.read((tx) => listMail(tx.sql, { relatedId: bookingId }))).map((m) => m.kind).reverse();
const mailAbout = (number: string, kindText: RegExp) => smtp.waitFor((m) => m.subject.includes(number) && kindText.test(m.subject));
const ics = (mail: ReceivedMail) => {
  const file = mail.attachments.find((a) => a.filename === 'visit.ics');
  if (!file) throw new Error(`no calendar attached to "${mail.subject}"`);
  return readIcs(file.text);
};

describe('booking notifications from console changes', () => {
  it('confirms a console booking to the primary contact in the account zone, with the visit as .ics', async () => {
    const start = at(localDate(Date.now(), 6), '13:00');
    const { bookingId, number } = await schedule('acc-a', 'ct-a', 'r-ben', start);
    const mail = await mailAbout(number, /is booked/);
    expect(mail.to).toBe('alice@alpha.example');
    expect(mail.from).toBe('service@acme.example');
    expect(mail.language).toBe('en');
    expect(mail.subject).toMatch(/1:00\s*–\s*1:30\sPM\s(EST|EDT)$/);
    expect(mail.text).toContain('Technician: Ben Brooks');
    expect(mail.text).toContain('Address: 1 Alpha Street, New York');
    expect(mail.text).toContain(`All times are in the time zone ${ZONE}.`);
    expect(mail.text).toContain(`${hub.url}/portal/#/appointments/${bookingId}`);
    const calendar = ics(mail);
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.zones).toEqual([ZONE]);
    expect(calendar.events).toEqual([expect.objectContaining({ start, end: start + 30 * 60_000, zone: ZONE, status: 'CONFIRMED', location: '1 Alpha Street, New York', summary: `Quick check (portal) (${number})` })]);
    expect(await kindsFor(bookingId)).toEqual(['booking_confirmed']);
  });

  it('announces a move of more than 10 minutes, counting small nudges together, with the old and new time', async () => {
    const start = at(localDate(Date.now(), 7), '13:00');
    const { bookingId, number } = await schedule('acc-a', 'ct-a', 'r-ben', start);
    await mailAbout(number, /is booked/);
    expect(await push('moveBooking', { bookingId, expectedVersion: await versionOf(bookingId), start: start + 5 * 60_000 })).toMatchObject(applied);
    expect(await kindsFor(bookingId)).toEqual(['booking_confirmed']);
    expect(await push('moveBooking', { bookingId, expectedVersion: await versionOf(bookingId), start: start + 15 * 60_000 })).toMatchObject(applied);
    const moved = await mailAbout(number, /has moved/);
    expect(moved.text).toMatch(/It was: .*1:00\s*–\s*1:30\sPM\s(EST|EDT)/);
    expect(moved.text).toMatch(/It is now: .*1:15\s*–\s*1:45\sPM\s(EST|EDT)/);
    const event = ics(moved).events[0]!;
    expect(event.start).toBe(start + 15 * 60_000);
    expect(event.sequence).toBeGreaterThan(ics(await mailAbout(number, /is booked/)).events[0]!.sequence);
    expect(await kindsFor(bookingId)).toEqual(['booking_confirmed', 'booking_moved']);
  });

  it('tells the customer the technician is on the way (arrival estimate, live map), then that the visit is completed (survey link)', async () => {
    const start = at(localDate(Date.now(), 8), '13:00');
    const { bookingId, number } = await schedule('acc-a', 'ct-a', 'r-ben', start);
    await hub.store.transaction((tx) => insertPing(tx.sql, { resourceId: 'r-ben', lat: 40.7, lng: -73.95, accuracyMeters: 10, at: Date.now(), receivedAt: Date.now() }));
    expect(await push('setBookingStatus', { bookingId, expectedVersion: await versionOf(bookingId), status: 'traveling' })).toMatchObject(applied);
    const onTheWay = await mailAbout(number, /on the way/);
    expect(onTheWay.subject).toBe(`Ben Brooks is on the way (visit ${number})`);
    expect(onTheWay.text).toMatch(/Estimated arrival: .*\d:\d\d\s[AP]M\s(EST|EDT)/);
    expect(onTheWay.text).toContain(`live map: ${hub.url}/portal/#/appointments/${bookingId}`);
    expect(onTheWay.attachments).toEqual([]);
    expect(await push('setBookingStatus', { bookingId, expectedVersion: await versionOf(bookingId), status: 'in_progress' })).toMatchObject(applied);
    expect(await push('setBookingStatus', { bookingId, expectedVersion: await versionOf(bookingId), status: 'completed' })).toMatchObject(applied);
    const completed = await mailAbout(number, /is completed/);
    expect(completed.text).toContain(`${hub.url}/portal/#/appointments/${bookingId}/feedback`);
    expect(await kindsFor(bookingId)).toEqual(['booking_confirmed', 'technician_on_the_way', 'visit_completed']);
  });

  it('writes to each contact in their portal language: Spanish, and Arabic right to left', async () => {
    const es = await schedule('acc-b', 'ct-b', 'r-ann', at(localDate(Date.now(), 9), '13:00'));
    const spanish = await mailAbout(es.number, /está reservada/);
    expect(spanish.to).toBe('bob@beta.example');
    expect(spanish.language).toBe('es');
    expect(spanish.text).toContain(`Todas las horas están en la zona horaria ${ZONE}.`);
    expect(spanish.subject).toMatch(/13:00\s*–\s*13:30/);
    const ar = await schedule('acc-a', 'ct-a2', 'r-ann', at(localDate(Date.now(), 10), '13:00'));
    const arabic = await smtp.waitFor((m) => m.to === 'no.role@alpha.example' && m.subject.includes(ar.number));
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain(ZONE);
  });

  it('cancels with the reason shown, even while the mail server is down, and delivers it once when it is back', async () => {
    const start = at(localDate(Date.now(), 11), '13:00');
    const { bookingId, number } = await schedule('acc-a', 'ct-a', 'r-ben', start);
    await mailAbout(number, /is booked/);
    await smtp.down();
    try {
      expect(await push('cancelBooking', { bookingId, expectedVersion: await versionOf(bookingId), reasonCode: 'customer-request', note: 'Shop closed for inventory' })).toMatchObject(applied);
      await expect.poll(async () => (await hub.store.read((tx) => listMail(tx.sql, { relatedId: bookingId })))[0]?.lastError ?? null, { timeout: 10_000 }).not.toBeNull();
    } finally {
      await smtp.up();
    }
    const canceled = await mailAbout(number, /is canceled/);
    expect(canceled.text).toContain('Reason: Customer request: Shop closed for inventory');
    const calendar = ics(canceled);
    expect(calendar.method).toBe('CANCEL');
    expect(calendar.events[0]).toMatchObject({ status: 'CANCELLED', start });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(smtp.received.filter((m) => m.subject.includes(number) && /is canceled/.test(m.subject))).toHaveLength(1);
  });
});

describe('what consoles learn of e-mails, and resending', () => {
  it('syncs each e-mail without its body (kind, recipient, subject, state, error), and back office sends a failed one again', async () => {
    const start = at(localDate(Date.now(), 12), '13:00');
    smtp.unknownRecipients.add('alice@alpha.example');
    let bookingId: string;
    try {
      ({ bookingId } = await schedule('acc-a', 'ct-a', 'r-ben', start));
      await expect.poll(async () => (await hub.store.read((tx) => listMail(tx.sql, { relatedId: bookingId })))[0]?.state, { timeout: 10_000 }).toBe('failed');
    } finally {
      smtp.unknownRecipients.delete('alice@alpha.example');
    }
    const rows = (await pullAsBackOffice(hub, 0)).filter((c) => c.entity === 'notification' && !c.deleted && (c.data as Notification).relatedId === bookingId);
    const synced = rows.at(-1)!.data as Notification;
    expect(synced).toMatchObject({ kind: 'booking_confirmed', workOrderId: expect.stringMatching(/^wo-n/), recipient: 'alice@alpha.example', state: 'failed', attempts: 1, sentAt: null, resendOf: null });
    expect(synced.lastError).toMatch(/550/);
    expect(JSON.stringify(rows)).not.toContain('All times are in the time zone');

    const asBackOffice = await backOffice(hub);
    const resendId = crypto.randomUUID();
    expect(await asBackOffice('resendNotification', { notificationId: synced.id, resendId })).toMatchObject(applied);
    const again = await smtp.waitFor((m) => m.to === 'alice@alpha.example' && m.messageId === `<${resendId}@dispatch-desk.outbox>`);
    expect(again.subject).toBe(synced.subject);
    expect(again.attachments.map((a) => a.filename)).toEqual(['visit.ics']);
    await expect.poll(async () => (await hub.store.read((tx) => tx.get('notification', resendId)))?.state).toBe('sent');
    expect(await hub.store.read((tx) => tx.get('notification', resendId))).toMatchObject({ resendOf: synced.id, attempts: 1 });
    // A dispatcher may not; a message still waiting cannot be sent again.
    expect(await push('resendNotification', { notificationId: synced.id, resendId: crypto.randomUUID() })).toMatchObject({ status: 'refused', code: 'forbidden' });
  });
});
