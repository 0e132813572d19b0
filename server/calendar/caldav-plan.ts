import type { CaldavEventRecord } from '../store/notifications/caldav-event-queries';
import type { CalendarRow } from '../store/notifications/calendar-queries';
import { eventContent } from './technician-event';
import type { VisitEvent } from './visit-event';

/** One write to a technician's CalDAV calendar. `record` is what the server has of it, when anything. */
export type CaldavOp =
  | { kind: 'put'; bookingId: string; workOrderNumber: string; event: VisitEvent; record: CaldavEventRecord | undefined }
  | { kind: 'delete'; bookingId: string; workOrderNumber: string; record: CaldavEventRecord };

export interface CaldavPlan {
  ops: CaldavOp[];
  /** Events whose bookings are history now: left on the calendar as they are, no longer tracked. */
  forget: string[];
}

/**
 * What to write so the calendar shows the technician's bookings: `rows` are the bookings to
 * show (the feed's window, plus later ones already published), `records` what was pushed
 * before. An event is written when the server never accepted it, when its SEQUENCE rose since,
 * or when the last try failed; it is removed when its booking went to another technician or
 * was deleted.
 */
export function planCaldavPush(resourceId: string, rows: readonly CalendarRow[], records: readonly CaldavEventRecord[], windowStart: number): CaldavPlan {
  const byBooking = new Map(records.map((r) => [r.bookingId, r]));
  const ops: CaldavOp[] = [];
  for (const row of rows) {
    const record = byBooking.get(row.booking.id);
    const event = { ...eventContent(row), sequence: row.sequence ?? 0, stamp: row.stamp ?? row.booking.start };
    if (record && record.sequence !== null && record.sequence >= event.sequence && record.lastError === null) continue;
    ops.push({ kind: 'put', bookingId: row.booking.id, workOrderNumber: row.number, event, record });
  }
  const shown = new Set(rows.map((r) => r.booking.id));
  const forget: string[] = [];
  for (const record of records) {
    if (shown.has(record.bookingId)) continue;
    if (record.bookingResourceId !== resourceId) ops.push({ kind: 'delete', bookingId: record.bookingId, workOrderNumber: record.workOrderNumber, record });
    else if (record.bookingEnd !== null && record.bookingEnd <= windowStart) forget.push(record.bookingId);
  }
  return { ops, forget };
}
