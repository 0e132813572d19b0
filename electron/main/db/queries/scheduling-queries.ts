import type { PlacementJob, ReviewItem } from '../../../../shared/contract/dispatch-contract';
import type { BookingStatus } from '../../../../shared/domain/booking-status';
import type { Resource } from '../../../../shared/domain/entities';
import type { ExistingBooking, SchedulingResource } from '../../../../shared/scheduling/types';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

/**
 * The replica read as the scheduling engine's input, in a few set-based queries (a thousand
 * technicians would otherwise cost four queries each).
 */

type Row = Record<string, unknown>;

function groupRows<T>(rows: readonly Row[], key: string, map: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = row[key] as string;
    const list = groups.get(id);
    if (list) list.push(map(row));
    else groups.set(id, [map(row)]);
  }
  return groups;
}

/** Every technician as the engine sees them, in id order. */
export function loadSchedulingResources(db: Replica): SchedulingResource[] {
  const territories = groupRows(prepareCached(db, 'SELECT resource_id, territory_id FROM resource_territories ORDER BY rowid').all() as Row[], 'resource_id', (r) => r.territory_id as string);
  const skills = groupRows(prepareCached(db, 'SELECT resource_id, characteristic_id, rating FROM resource_characteristics ORDER BY rowid').all() as Row[], 'resource_id', (r) => [r.characteristic_id as string, r.rating as number] as const);
  const timeOff = groupRows(prepareCached(db, 'SELECT resource_id, start_ms, end_ms FROM resource_time_off ORDER BY rowid').all() as Row[], 'resource_id', (r) => ({ start: r.start_ms as number, end: r.end_ms as number }));
  const rows = prepareCached(db, 'SELECT id, name, home_lat, home_lng, time_zone, weekly_hours FROM resources ORDER BY id').all() as Row[];
  return rows.map((r) => {
    const id = r.id as string;
    return {
      id,
      name: r.name as string,
      homeBase: { lat: r.home_lat as number, lng: r.home_lng as number },
      territoryIds: territories.get(id) ?? [],
      characteristics: Object.fromEntries(skills.get(id) ?? []),
      timeZone: r.time_zone as string,
      weeklyHours: JSON.parse(r.weekly_hours as string) as Resource['weeklyHours'],
      timeOff: timeOff.get(id) ?? [],
    };
  });
}

/** No visit lasts longer than a day (incident types are capped at 24 hours). */
const LONGEST_VISIT_MS = 86_400_000;

/**
 * Bookings that occupy a technician in [from, to): not canceled, at their work order's site.
 * The lower bound on the start lets SQLite walk the time index over the span only, not every
 * booking since the replica began; the engine sorts per technician itself.
 */
export function loadActiveBookings(db: Replica, from: number, to: number): ExistingBooking[] {
  const rows = prepareCached(
    db,
    `SELECT b.id, b.resource_id, b.start_ms, b.end_ms, b.status, b.pinned, b.work_order_id, a.lat, a.lng
     FROM bookings b INDEXED BY bookings_by_time JOIN work_orders w ON w.id = b.work_order_id JOIN accounts a ON a.id = w.account_id
     WHERE b.start_ms >= @earliest AND b.start_ms < @to AND b.end_ms > @from AND b.status <> 'canceled'`,
  ).all({ earliest: from - LONGEST_VISIT_MS, to, from }) as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    resourceId: r.resource_id as string,
    start: r.start_ms as number,
    end: r.end_ms as number,
    status: r.status as BookingStatus,
    pinned: r.pinned === 1,
    jobId: r.work_order_id as string,
    location: { lat: r.lat as number, lng: r.lng as number },
  }));
}

/** The work to place: its visit as an engine job, its promised window, and the booking when it is one. */
export function loadPlacementJob(db: Replica, target: { bookingId: string } | { workOrderId: string }): PlacementJob | undefined {
  const booking = 'bookingId' in target
    ? (prepareCached(db, 'SELECT id, version, resource_id, start_ms, end_ms, status, pinned, work_order_id FROM bookings WHERE id = ?').get(target.bookingId) as Row | undefined)
    : undefined;
  if ('bookingId' in target && !booking) return undefined;
  const workOrderId = booking ? (booking.work_order_id as string) : (target as { workOrderId: string }).workOrderId;
  const w = prepareCached(
    db,
    `SELECT w.id, w.number, w.version, w.promised_window_start, w.promised_window_end, a.name AS account_name, a.lat, a.lng, a.territory_id, a.time_zone,
       i.id AS type_id, i.name AS type_name, i.duration_minutes
     FROM work_orders w JOIN accounts a ON a.id = w.account_id JOIN incident_types i ON i.id = w.incident_type_id WHERE w.id = ?`,
  ).get(workOrderId) as Row | undefined;
  if (!w) return undefined;
  const required = prepareCached(db, 'SELECT characteristic_id AS characteristicId, min_rating AS minRating FROM incident_type_characteristics WHERE incident_type_id = ? ORDER BY rowid').all(w.type_id) as {
    characteristicId: string;
    minRating: number;
  }[];
  const durationMinutes = booking ? Math.round(((booking.end_ms as number) - (booking.start_ms as number)) / 60_000) : (w.duration_minutes as number);
  const windowStart = w.promised_window_start as number | null;
  const windowEnd = w.promised_window_end as number | null;
  return {
    workOrderId,
    workOrderNumber: w.number as string,
    title: w.type_name as string,
    accountName: w.account_name as string,
    workOrderVersion: w.version as number,
    job: {
      id: workOrderId,
      durationMinutes,
      requiredCharacteristics: required,
      territoryId: w.territory_id as string,
      location: { lat: w.lat as number, lng: w.lng as number },
      timeZone: w.time_zone as string,
    },
    promisedWindow: windowStart !== null && windowEnd !== null ? { start: windowStart, end: windowEnd } : null,
    booking: booking
      ? {
          id: booking.id as string,
          version: booking.version as number,
          resourceId: booking.resource_id as string,
          start: booking.start_ms as number,
          end: booking.end_ms as number,
          status: booking.status as BookingStatus,
          pinned: booking.pinned === 1,
        }
      : null,
  };
}

/** Automatic assignments still awaiting a dispatcher's review, of visits not yet over, soonest first. */
export function listReviewItems(db: Replica, now: number): ReviewItem[] {
  return prepareCached(
    db,
    `SELECT b.id AS bookingId, b.version, w.id AS workOrderId, w.number AS workOrderNumber, i.name AS title, a.name AS accountName,
       b.resource_id AS resourceId, r.name AS resourceName, b.start_ms AS start, b.end_ms AS end, b.status, b.travel_minutes AS travelMinutes,
       b.explanation
     FROM bookings b JOIN work_orders w ON w.id = b.work_order_id JOIN incident_types i ON i.id = w.incident_type_id
       JOIN accounts a ON a.id = w.account_id JOIN resources r ON r.id = b.resource_id
     WHERE b.review_state = 'needs_review' AND b.status IN ('scheduled', 'traveling') AND b.end_ms > ?
     ORDER BY b.start_ms, b.id`,
  ).all(now) as ReviewItem[];
}

/** Unscheduled work orders, most urgent first (the planner's input). */
export function unscheduledWorkOrderIds(db: Replica): string[] {
  return prepareCached(
    db,
    `SELECT id FROM work_orders WHERE status = 'unscheduled'
     ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, number`,
  ).pluck().all() as string[];
}

export function rowVersions(db: Replica, table: 'bookings' | 'work_orders', ids: readonly string[]): { id: string; version: number | null }[] {
  const query = prepareCached(db, `SELECT version FROM ${table} WHERE id = ?`).pluck();
  return ids.map((id) => ({ id, version: (query.get(id) as number | undefined) ?? null }));
}

export interface VisitLabel {
  workOrderNumber: string;
  accountName: string;
  contactName: string | null;
  version: number;
}

/** What a dispatcher reads about a visit that would move: its work order, customer and contact. */
export function visitLabels(db: Replica, bookingIds: readonly string[]): Map<string, VisitLabel> {
  const query = prepareCached(
    db,
    `SELECT w.number AS workOrderNumber, a.name AS accountName, c.name AS contactName, b.version
     FROM bookings b JOIN work_orders w ON w.id = b.work_order_id JOIN accounts a ON a.id = w.account_id
       LEFT JOIN contacts c ON c.id = w.primary_contact_id WHERE b.id = ?`,
  );
  return new Map(bookingIds.map((id) => [id, query.get(id) as VisitLabel]));
}
