import { describe, expect, it } from 'vitest';
import { planCaldavPush } from '../../../server/calendar/caldav-plan';
import type { CaldavEventRecord } from '../../../server/store/notifications/caldav-event-queries';
import type { CalendarRow } from '../../../server/store/notifications/calendar-queries';
import { newBooking } from '../../../shared/domain/new-booking';

/** What a push writes, given the bookings to show and what the CalDAV server was last given. */
const NOW = Date.parse('2026-11-28T12:00:00Z');
const WINDOW_START = NOW - 7 * 86_400_000;

function row(id: string, sequence: number | null, resourceId = 'r-ann'): CalendarRow {
  return {
    booking: newBooking({ id, workOrderId: `wo-${id}`, resourceId, start: NOW + 3_600_000, end: NOW + 7_200_000, travelMinutes: 5 }),
    number: `WO-${id}`, priority: 'normal', workOrderType: null, summary: 'Boiler', promisedWindowStart: null, promisedWindowEnd: null,
    accountName: 'Alpha', address: '1 Alpha Street', incidentType: null, contactName: null, contactEmail: null, sequence, fingerprint: null, stamp: null,
  };
}

function record(bookingId: string, fields: Partial<CaldavEventRecord> = {}): CaldavEventRecord {
  return { resourceId: 'r-ann', bookingId, workOrderNumber: `WO-${bookingId}`, href: `http://dav/alex/work/${bookingId}.ics`, etag: '"e1"', sequence: 0, attempts: 0, lastError: null, nextAttemptAt: null, pushedAt: NOW, bookingResourceId: 'r-ann', bookingEnd: NOW + 7_200_000, ...fields };
}

const kinds = (plan: ReturnType<typeof planCaldavPush>) => plan.ops.map((op) => `${op.kind} ${op.bookingId}`);

describe('planCaldavPush', () => {
  it('creates what the server never accepted, updates what rose in SEQUENCE and leaves the rest', () => {
    const plan = planCaldavPush('r-ann', [row('new', null), row('same', 2), row('rose', 3), row('never-accepted', 1)], [record('same', { sequence: 2 }), record('rose', { sequence: 2 }), record('never-accepted', { sequence: null, lastError: '401', attempts: 1 })], WINDOW_START);
    expect(kinds(plan)).toEqual(['put new', 'put rose', 'put never-accepted']);
    const rose = plan.ops[1]!;
    expect(rose.kind === 'put' && rose.event.sequence).toBe(3);
    expect(plan.forget).toEqual([]);
  });

  it('retries an update that failed even though the sequence did not rise since', () => {
    expect(kinds(planCaldavPush('r-ann', [row('failed', 2)], [record('failed', { sequence: 1, lastError: '503' })], WINDOW_START))).toEqual(['put failed']);
    // A failed delete of a booking that came back to the technician: the event is written again.
    expect(kinds(planCaldavPush('r-ann', [row('back', 2)], [record('back', { sequence: 2, lastError: 'timeout' })], WINDOW_START))).toEqual(['put back']);
  });

  it('deletes the events of bookings moved to another technician or deleted, and forgets past ones without touching them', () => {
    const records = [record('moved', { bookingResourceId: 'r-ben' }), record('deleted', { bookingResourceId: null, bookingEnd: null }), record('past', { bookingEnd: WINDOW_START - 1 })];
    const plan = planCaldavPush('r-ann', [], records, WINDOW_START);
    expect(kinds(plan)).toEqual(['delete moved', 'delete deleted']);
    expect(plan.forget).toEqual(['past']);
  });
});
