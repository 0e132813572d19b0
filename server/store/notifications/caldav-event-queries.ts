import type { SqlExecutor } from '../sql-executor';
import { numberOrNull, placeholders } from '../portal/sql-params';

/** An event the hub put (or tried to put) on a technician's CalDAV calendar (caldav_events). */
export interface CaldavEventRecord {
  resourceId: string;
  bookingId: string;
  workOrderNumber: string;
  href: string;
  etag: string | null;
  /** SEQUENCE of the last version the server accepted; null: it never accepted one. */
  sequence: number | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  pushedAt: number | null;
  /** Where the booking is now: null when it was deleted. */
  bookingResourceId: string | null;
  bookingEnd: number | null;
}

interface Stored {
  resource_id: string;
  booking_id: string;
  work_order_number: string;
  href: string;
  etag: string | null;
  sequence: number | string | null;
  attempts: number | string;
  last_error: string | null;
  next_attempt_at: number | string | null;
  pushed_at: number | string | null;
  b_resource_id: string | null;
  b_end: number | string | null;
}

const toRecord = (r: Stored): CaldavEventRecord => ({
  resourceId: r.resource_id,
  bookingId: r.booking_id,
  workOrderNumber: r.work_order_number,
  href: r.href,
  etag: r.etag,
  sequence: numberOrNull(r.sequence),
  attempts: Number(r.attempts),
  lastError: r.last_error,
  nextAttemptAt: numberOrNull(r.next_attempt_at),
  pushedAt: numberOrNull(r.pushed_at),
  bookingResourceId: r.b_resource_id,
  bookingEnd: numberOrNull(r.b_end),
});

/** The technician's pushed events with where their bookings are now (moved, deleted or in the past). */
export async function caldavEventRecords(ex: SqlExecutor, resourceId: string): Promise<CaldavEventRecord[]> {
  const rows = await ex.all<Stored>(
    `SELECT e.*, b.resource_id AS b_resource_id, b.end_ms AS b_end FROM caldav_events e LEFT JOIN bookings b ON b.id = e.booking_id
     WHERE e.resource_id = ${ex.dialect.param(1)} ORDER BY e.booking_id`,
    [resourceId],
  );
  return rows.map(toRecord);
}

/** The technicians whose calendars hold an event of one of these bookings (a moved booking leaves its old one). */
export async function caldavResourcesOfBookings(ex: SqlExecutor, bookingIds: readonly string[]): Promise<string[]> {
  if (bookingIds.length === 0) return [];
  const rows = await ex.all<{ resource_id: string }>(`SELECT DISTINCT resource_id FROM caldav_events WHERE ${ex.dialect.inList('booking_id', 1)}`, [ex.dialect.keyList(bookingIds)]);
  return rows.map((r) => r.resource_id);
}

export interface EventKey {
  resourceId: string;
  bookingId: string;
  workOrderNumber: string;
  href: string;
}

/** The server accepted `sequence` and answered `etag` (null when it sent none). */
export async function recordCaldavPushed(ex: SqlExecutor, key: EventKey, outcome: { etag: string | null; sequence: number }, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO caldav_events (resource_id, booking_id, work_order_number, href, etag, sequence, attempts, last_error, next_attempt_at, pushed_at)
     VALUES (${placeholders(ex, 10)})
     ON CONFLICT (resource_id, booking_id) DO UPDATE SET work_order_number = excluded.work_order_number, href = excluded.href, etag = excluded.etag,
       sequence = excluded.sequence, attempts = 0, last_error = NULL, next_attempt_at = NULL, pushed_at = excluded.pushed_at`,
    [key.resourceId, key.bookingId, key.workOrderNumber, key.href, outcome.etag, outcome.sequence, 0, null, null, now],
  );
}

/** A failed try: what was accepted before (etag, sequence) stays, so the next try still updates rather than duplicates. */
export async function recordCaldavFailed(ex: SqlExecutor, key: EventKey, failure: { error: string; nextAttemptAt: number }): Promise<void> {
  await ex.run(
    `INSERT INTO caldav_events (resource_id, booking_id, work_order_number, href, etag, sequence, attempts, last_error, next_attempt_at, pushed_at)
     VALUES (${placeholders(ex, 10)})
     ON CONFLICT (resource_id, booking_id) DO UPDATE SET work_order_number = excluded.work_order_number, attempts = caldav_events.attempts + 1,
       last_error = excluded.last_error, next_attempt_at = excluded.next_attempt_at`,
    [key.resourceId, key.bookingId, key.workOrderNumber, key.href, null, null, 1, failure.error, failure.nextAttemptAt, null],
  );
}

/** The hub stops tracking the event (deleted on the server, or its booking is history). */
export async function forgetCaldavEvents(ex: SqlExecutor, resourceId: string, bookingIds: readonly string[]): Promise<void> {
  if (bookingIds.length === 0) return;
  await ex.run(`DELETE FROM caldav_events WHERE resource_id = ${ex.dialect.param(1)} AND ${ex.dialect.inList('booking_id', 2)}`, [resourceId, ex.dialect.keyList(bookingIds)]);
}

/** Every record of the technician goes: after the calendar's address or account changed, its events are somewhere else. */
export async function forgetAllCaldavEvents(ex: SqlExecutor, resourceId: string): Promise<void> {
  await ex.run(`DELETE FROM caldav_events WHERE resource_id = ${ex.dialect.param(1)}`, [resourceId]);
}
