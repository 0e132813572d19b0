import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNotificationConfig, type NotificationConfig } from '../../../server/notifications/notification-config';
import { notificationKinds } from '../../../shared/domain/notification-settings';
import { listMail } from '../../../server/store/portal/mail-outbox-queries';
import { createUser } from '../../../server/users/create-user';
import { at, localDate } from './support/portal-company';
import { pusherFor, startPortalHub, type PortalHub } from './support/portal-hub';
import { SmtpSink } from './support/smtp-sink';

/**
 * The reminder's durable schedule: due while the hub is down, it goes out after the restart,
 * and once only, however many times the hub starts again. Also: a kind an administrator
 * switched off is not sent while the others still are.
 */
const DISPATCHER = { email: 'dee@acme.example', password: 'dispatcher-password' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let smtp: SmtpSink;
const hubs: PortalHub[] = [];

beforeAll(async () => {
  smtp = await SmtpSink.start();
});

afterAll(async () => {
  // What a failed test left running.
  for (const hub of hubs.splice(0)) await hub.destroy().catch(() => undefined);
  await smtp?.down();
});

async function start(config: NotificationConfig, dataDir?: string): Promise<PortalHub> {
  const hub = await startPortalHub({ smtp, notifications: config, ...(dataDir ? { dataDir, seed: false } : {}) });
  hubs.push(hub);
  return hub;
}

async function book(hub: PortalHub, n: number, start: number): Promise<string> {
  if (!(await hub.store.read((tx) => tx.findUserByEmail(DISPATCHER.email)))) await createUser(hub.store, { ...DISPATCHER, name: 'Dee', role: 'dispatcher' });
  const push = await pusherFor(hub, DISPATCHER);
  expect(await push('createWorkOrder', { workOrderId: `wo-r${n}`, accountId: 'acc-a', incidentTypeId: 'it-quick', primaryContactId: 'ct-a' })).toMatchObject({ status: 'applied' });
  expect(await push('scheduleWorkOrder', { workOrderId: `wo-r${n}`, expectedVersion: 1, bookingId: `bk-r${n}`, start, resourceId: 'r-ben' })).toMatchObject({ status: 'applied' });
  return `bk-r${n}`;
}

const kinds = async (hub: PortalHub, bookingId: string) => (await hub.store.read((tx) => listMail(tx.sql, { relatedId: bookingId }))).map((m) => m.kind).sort();

describe('reminders', () => {
  it('sends a reminder that fell due while the hub was down after the restart, and never a second time', async () => {
    const visit = at(localDate(Date.now(), 3), '15:00');
    // Due 3 s from now: the first hub is stopped before that.
    const config: NotificationConfig = { ...defaultNotificationConfig, reminder: { hoursBefore: (visit - (Date.now() + 3_000)) / 3_600_000 } };
    const first = await start(config);
    const bookingId = await book(first, 1, visit);
    await smtp.waitFor((m) => m.subject.includes('is booked'));
    await first.stop();
    hubs.splice(hubs.indexOf(first), 1);
    expect(smtp.received.filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(0);
    await sleep(3_500);
    const second = await start(config, first.dataDir);
    const reminder = await smtp.waitFor((m) => m.subject.startsWith('Reminder:'));
    expect(reminder.to).toBe('alice@alpha.example');
    expect(reminder.subject).toMatch(/3:00\s*–\s*3:30\sPM\s(EST|EDT)$/);
    expect(reminder.attachments.map((a) => a.filename)).toEqual(['visit.ics']);
    await second.stop();
    hubs.splice(hubs.indexOf(second), 1);
    const third = await start(config, first.dataDir);
    await sleep(1_000);
    expect(smtp.received.filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(1);
    expect(await kinds(third, bookingId)).toEqual(['booking_confirmed', 'booking_reminder']);
    await third.destroy();
    hubs.splice(hubs.indexOf(third), 1);
  });

  it('sends no e-mail of a kind switched off, and the other kinds still', async () => {
    const withoutMoves: NotificationConfig = { ...defaultNotificationConfig, enabled: new Set(notificationKinds.filter((k) => k !== 'booking_moved')) };
    const hub = await start(withoutMoves);
    const visit = at(localDate(Date.now(), 4), '13:00');
    const bookingId = await book(hub, 2, visit);
    const push = await pusherFor(hub, DISPATCHER);
    const version = async () => (await hub.store.read((tx) => tx.get('booking', bookingId)))!.version;
    expect(await push('moveBooking', { bookingId, expectedVersion: await version(), start: visit + 60 * 60_000 })).toMatchObject({ status: 'applied' });
    expect(await push('cancelBooking', { bookingId, expectedVersion: await version(), reasonCode: 'customer-request', note: '' })).toMatchObject({ status: 'applied' });
    expect(await kinds(hub, bookingId)).toEqual(['booking_canceled', 'booking_confirmed']);
    await hub.destroy();
    hubs.splice(hubs.indexOf(hub), 1);
  });
});
