import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { noticesDue } from '../../../server/notifications/booking-notifier';
import { parseReminderLead, reminderDueAt } from '../../../server/notifications/notification-config';

const zoned = (text: string) => Temporal.ZonedDateTime.from(text).epochMilliseconds;
const told = (status: string, start: number) => ({ bookingId: 'b', toldStart: start, toldEnd: start + 3_600_000, toldStatus: status, reminderDueAt: null, reminderSentAt: null });
const THRESHOLD = 10 * 60_000;

describe('reminder schedule', () => {
  it('falls on the day before at 17:00 in the account zone, across a DST change', () => {
    // Sunday 2026-03-08 is the US spring-forward day; the visit is Monday 09:00 in Chicago.
    const visit = zoned('2026-03-09T09:00[America/Chicago]');
    expect(reminderDueAt({ daysBefore: 1, at: '17:00' }, visit, 'America/Chicago', 0)).toBe(zoned('2026-03-08T17:00[America/Chicago]'));
    expect(new Date(reminderDueAt({ daysBefore: 1, at: '17:00' }, visit, 'America/Chicago', 0)!).toISOString()).toBe('2026-03-08T22:00:00.000Z');
    expect(reminderDueAt({ hoursBefore: 3 }, visit, 'America/Chicago', 0)).toBe(visit - 3 * 3_600_000);
  });

  it('is left out when its time has already passed at booking (the confirmation just went out)', () => {
    const visit = zoned('2026-03-09T09:00[America/Chicago]');
    expect(reminderDueAt({ daysBefore: 1, at: '17:00' }, visit, 'America/Chicago', zoned('2026-03-08T18:00[America/Chicago]'))).toBeNull();
    expect(reminderDueAt({ daysBefore: 0, at: '10:00' }, visit, 'America/Chicago', 0)).toBeNull();
  });

  it('reads "1d@17:00" and "3h", and nothing else', () => {
    expect(parseReminderLead('1d@17:00')).toEqual({ daysBefore: 1, at: '17:00' });
    expect(parseReminderLead('12h')).toEqual({ hoursBefore: 12 });
    for (const bad of ['', '17:00', '1d', '1d@25:00', '0h', '-3h', '1.5h']) expect(parseReminderLead(bad)).toBeUndefined();
  });
});

describe('what a booking change tells the customer', () => {
  const start = zoned('2026-05-04T10:00[America/New_York]');
  it('confirms a new booking, and treats a booking it never announced from its next status change on', () => {
    expect(noticesDue(undefined, { status: 'scheduled', start, version: 1 }, THRESHOLD)).toEqual(['booking_confirmed']);
    expect(noticesDue(undefined, { status: 'scheduled', start, version: 4 }, THRESHOLD)).toEqual([]);
    expect(noticesDue(undefined, { status: 'canceled', start, version: 4 }, THRESHOLD)).toEqual(['booking_canceled']);
  });

  it('announces a move only beyond 10 minutes from the time the customer was told, reminder sent or not', () => {
    expect(noticesDue(told('scheduled', start), { status: 'scheduled', start: start + THRESHOLD, version: 2 }, THRESHOLD)).toEqual([]);
    expect(noticesDue(told('scheduled', start), { status: 'scheduled', start: start + THRESHOLD + 60_000, version: 2 }, THRESHOLD)).toEqual(['booking_moved']);
    expect(noticesDue(told('scheduled', start), { status: 'scheduled', start: start - 11 * 60_000, version: 2 }, THRESHOLD)).toEqual(['booking_moved']);
  });

  it('announces each status change once: on the way, completed, canceled; nothing for in progress or a re-write', () => {
    expect(noticesDue(told('scheduled', start), { status: 'traveling', start, version: 2 }, THRESHOLD)).toEqual(['technician_on_the_way']);
    expect(noticesDue(told('traveling', start), { status: 'traveling', start, version: 3 }, THRESHOLD)).toEqual([]);
    expect(noticesDue(told('traveling', start), { status: 'in_progress', start, version: 3 }, THRESHOLD)).toEqual([]);
    expect(noticesDue(told('in_progress', start), { status: 'completed', start, version: 4 }, THRESHOLD)).toEqual(['visit_completed']);
    expect(noticesDue(told('scheduled', start), { status: 'canceled', start: start + 3_600_000, version: 2 }, THRESHOLD)).toEqual(['booking_canceled']);
  });
});
