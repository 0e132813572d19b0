import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNotificationConfig } from '../../../server/notifications/notification-config';
import { findNotice } from '../../../server/store/notifications/booking-notice-queries';
import { listMail } from '../../../server/store/portal/mail-outbox-queries';
import { createUser } from '../../../server/users/create-user';
import { notificationKinds, type NotificationSettings } from '../../../shared/domain/notification-settings';
import { PORTAL_SETTINGS_ID } from '../../../shared/domain/portal-settings';
import { at, localDate, portalTestSettings, ZONE } from './support/portal-company';
import { pusherFor, startPortalHub, type PortalHub } from './support/portal-hub';
import { SmtpSink } from './support/smtp-sink';

/**
 * Booking e-mails as an administrator set them in the console (Portal → Settings → Notifications,
 * saved with savePortalSettings): a kind switched off sends nothing and sends again once switched
 * back on, the saved reminder lead decides when the reminder is due, and the hub option
 * (--notifications-off) still overrides the settings. The hub here switches cancellations off.
 */
const ADMIN = { email: 'ada@acme.example', password: 'administrator-password' };
const DISPATCHER = { email: 'dee@acme.example', password: 'dispatcher-password' };
const applied = { status: 'applied' };

let smtp: SmtpSink;
let hub: PortalHub;
let asAdmin: Awaited<ReturnType<typeof pusherFor>>;
let asDispatcher: Awaited<ReturnType<typeof pusherFor>>;
let serial = 0;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp, notifications: { ...defaultNotificationConfig, enabled: new Set(notificationKinds.filter((k) => k !== 'booking_canceled')) } });
  await createUser(hub.store, { ...ADMIN, name: 'Ada Admin', role: 'administrator' });
  await createUser(hub.store, { ...DISPATCHER, name: 'Dee Spatch', role: 'dispatcher' });
  asAdmin = await pusherFor(hub, ADMIN);
  asDispatcher = await pusherFor(hub, DISPATCHER);
});

afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

async function saveNotifications(notifications: NotificationSettings): Promise<void> {
  const row = await hub.store.read((tx) => tx.get('portalSettings', PORTAL_SETTINGS_ID));
  expect(await asAdmin('savePortalSettings', { settings: { ...portalTestSettings, notifications }, expectedVersion: row!.version })).toMatchObject(applied);
}

async function schedule(start: number, resourceId = 'r-ben'): Promise<string> {
  const n = ++serial;
  expect(await asDispatcher('createWorkOrder', { workOrderId: `wo-s${n}`, accountId: 'acc-a', incidentTypeId: 'it-quick', primaryContactId: 'ct-a' })).toMatchObject(applied);
  const scheduled = await asDispatcher('scheduleWorkOrder', { workOrderId: `wo-s${n}`, expectedVersion: 1, bookingId: `bk-s${n}`, start, resourceId });
  expect(scheduled, JSON.stringify(scheduled)).toMatchObject(applied);
  return `bk-s${n}`;
}

const versionOf = async (bookingId: string) => (await hub.store.read((tx) => tx.get('booking', bookingId)))!.version;
const kindsFor = async (bookingId: string) => (await hub.store.read((tx) => listMail(tx.sql, { relatedId: bookingId }))).map((m) => m.kind).reverse();
// findNotice locks the row (FOR UPDATE on PostgreSQL): a write transaction that changes nothing.
const notice = (bookingId: string) => hub.store.transaction((tx) => findNotice(tx.sql, bookingId));
const move = async (bookingId: string, start: number) => expect(await asDispatcher('moveBooking', { bookingId, expectedVersion: await versionOf(bookingId), start })).toMatchObject(applied);

/** A whole number of hours (at least `minHours`: clear of the seeded visits) from now plus a few seconds, inside the technicians' 08:00–17:00. */
function visitHoursAhead(seconds: number, minHours: number): { start: number; hours: number } {
  for (let hours = minHours; ; hours++) {
    const start = Date.now() + hours * 3_600_000 + seconds * 1000;
    const local = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(ZONE);
    if (local.hour >= 9 && local.hour < 15) return { start, hours };
  }
}

describe('notification settings saved in the console', () => {
  it('sends nothing of a kind switched off, and sends it again once switched back on', async () => {
    await saveNotifications({ off: ['booking_confirmed', 'booking_moved'], reminder: { daysBefore: 1, at: '17:00' } });
    const visit = at(localDate(Date.now(), 6), '10:00');
    const quiet = await schedule(visit);
    await move(quiet, visit + 2 * 3_600_000);
    expect(await kindsFor(quiet)).toEqual([]);

    await saveNotifications({ off: [], reminder: { daysBefore: 1, at: '17:00' } });
    await move(quiet, visit + 4 * 3_600_000);
    const loud = await schedule(at(localDate(Date.now(), 7), '10:00'));
    expect(await kindsFor(quiet)).toEqual(['booking_moved']);
    expect(await kindsFor(loud)).toEqual(['booking_confirmed']);
    await smtp.waitFor((m) => m.subject.includes('is booked'));
  });

  it('keeps a kind the hub option switches off silent, whatever the settings say', async () => {
    await saveNotifications({ off: [], reminder: { daysBefore: 1, at: '17:00' } });
    const bookingId = await schedule(at(localDate(Date.now(), 8), '10:00'));
    expect(await asDispatcher('cancelBooking', { bookingId, expectedVersion: await versionOf(bookingId), reasonCode: 'customer-request', note: '' })).toMatchObject(applied);
    expect(await kindsFor(bookingId)).toEqual(['booking_confirmed']);
  });

  it('schedules the reminder by the saved lead, in the account zone', async () => {
    await saveNotifications({ off: [], reminder: { daysBefore: 2, at: '09:30' } });
    const day = localDate(Date.now(), 9);
    const bookingId = await schedule(at(day, '11:00'));
    const twoDaysBefore = Temporal.PlainDate.from(day).subtract({ days: 2 }).toString();
    expect((await notice(bookingId))?.reminderDueAt).toBe(at(twoDaysBefore, '09:30'));

    await saveNotifications({ off: [], reminder: { hoursBefore: 5 } });
    await move(bookingId, at(day, '14:00'));
    expect((await notice(bookingId))?.reminderDueAt).toBe(at(day, '14:00') - 5 * 3_600_000);
  });

  it('a newly saved lead reschedules every reminder not yet sent; one whose new time has passed keeps its old time', async () => {
    await saveNotifications({ off: [], reminder: { daysBefore: 1, at: '17:00' } });
    const far = localDate(Date.now(), 12);
    const near = localDate(Date.now(), 2);
    const farVisit = await schedule(at(far, '10:00'));
    const nearVisit = await schedule(at(near, '10:00'), 'r-ann');
    const dayBefore = (day: string) => Temporal.PlainDate.from(day).subtract({ days: 1 }).toString();
    expect((await notice(farVisit))?.reminderDueAt).toBe(at(dayBefore(far), '17:00'));
    expect((await notice(nearVisit))?.reminderDueAt).toBe(at(dayBefore(near), '17:00'));

    await saveNotifications({ off: [], reminder: { hoursBefore: 3 } });
    expect((await notice(farVisit))?.reminderDueAt, 'the far visit follows the new lead without being moved').toBe(at(far, '10:00') - 3 * 3_600_000);

    // Five days before the near visit is already past: its reminder keeps the time it had.
    const before = (await notice(nearVisit))?.reminderDueAt;
    await saveNotifications({ off: [], reminder: { daysBefore: 5, at: '09:00' } });
    expect((await notice(nearVisit))?.reminderDueAt).toBe(before);
    expect((await notice(farVisit))?.reminderDueAt).toBe(at(Temporal.PlainDate.from(far).subtract({ days: 5 }).toString(), '09:00'));
  });

  it('sends a due reminder by the saved lead, and none once the reminder is switched off', async () => {
    const { start, hours } = visitHoursAhead(3, 3);
    await saveNotifications({ off: [], reminder: { hoursBefore: hours } });
    const reminded = await schedule(start);
    await smtp.waitFor((m) => m.subject.startsWith('Reminder:') && m.to === 'alice@alpha.example');
    await expect.poll(() => kindsFor(reminded), { timeout: 10_000 }).toEqual(['booking_confirmed', 'booking_reminder']);

    const later = visitHoursAhead(3, 8);
    await saveNotifications({ off: ['booking_reminder'], reminder: { hoursBefore: later.hours } });
    const silent = await schedule(later.start + 3_600_000, 'r-ann');
    await move(silent, later.start);
    // Due 3 s from now: past that, the worker has handled it (recorded as sent) without an e-mail.
    await expect.poll(async () => (await notice(silent))?.reminderSentAt ?? null, { timeout: 15_000 }).not.toBeNull();
    expect(await kindsFor(silent)).toEqual(['booking_confirmed', 'booking_moved']);
  });
});
