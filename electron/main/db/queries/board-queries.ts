import type { BookingStatus } from '../../../../shared/domain/booking-status';
import type { BoardBookingRow, BoardTechnicianRow, CalendarBooking } from '../../../../shared/contract/ipc-contract';
import type { Replica } from '../open-replica';

/** A calendar booking as SQLite returns it: review state and pinned still in their column forms. */
type BookingRowSql = Omit<CalendarBooking, 'needsReview' | 'pinned'> & { reviewState: string; pinned: number };

const bookingColumns = `
  b.id AS id, b.resource_id AS resourceId, r.name AS resourceName, w.number AS workOrderNumber,
  i.name AS title, a.name AS accountName, b.start_ms AS start, b.end_ms AS end, b.status AS status,
  b.review_state AS reviewState, b.pinned AS pinned`;

const bookingJoins = `
  FROM bookings b
  JOIN work_orders w ON w.id = b.work_order_id
  JOIN incident_types i ON i.id = w.incident_type_id
  JOIN accounts a ON a.id = w.account_id
  JOIN resources r ON r.id = b.resource_id`;

/** Technicians with their primary (first-listed) territory, ordered as the board groups them. */
export function listBoardTechnicians(db: Replica, territoryIds?: readonly string[]): BoardTechnicianRow[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.name, t.id AS territoryId, t.name AS territoryName
       FROM resources r
       JOIN resource_territories rt ON rt.rowid = (SELECT MIN(rowid) FROM resource_territories WHERE resource_id = r.id)
       JOIN territories t ON t.id = rt.territory_id
       ORDER BY t.name, r.name, r.id`,
    )
    .all() as BoardTechnicianRow[];
  if (!territoryIds || territoryIds.length === 0) return rows;
  const served = servedTerritories(db);
  const wanted = new Set(territoryIds);
  return rows.filter((row) => (served.get(row.id) ?? []).some((t) => wanted.has(t)));
}

function servedTerritories(db: Replica): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = db.prepare('SELECT resource_id AS resourceId, territory_id AS territoryId FROM resource_territories').all() as {
    resourceId: string;
    territoryId: string;
  }[];
  for (const { resourceId, territoryId } of rows) map.set(resourceId, [...(map.get(resourceId) ?? []), territoryId]);
  return map;
}

export function listBookingsInRange(
  db: Replica,
  range: { rangeStart: number; rangeEnd: number; resourceId?: string | undefined; statuses?: readonly BookingStatus[] | undefined },
): CalendarBooking[] {
  const statuses = range.statuses && range.statuses.length > 0 ? range.statuses : null;
  const rows = db
    .prepare(
      `SELECT ${bookingColumns} ${bookingJoins}
       WHERE b.start_ms < @rangeEnd AND b.end_ms > @rangeStart
         AND (@resourceId IS NULL OR b.resource_id = @resourceId)
         AND (@statuses IS NULL OR b.status IN (SELECT value FROM json_each(@statuses)))
       ORDER BY b.resource_id, b.start_ms`,
    )
    .all({
      rangeStart: range.rangeStart,
      rangeEnd: range.rangeEnd,
      resourceId: range.resourceId ?? null,
      statuses: statuses ? JSON.stringify(statuses) : null,
    }) as BookingRowSql[];
  return rows.map(toCalendarBooking);
}

export function toCalendarBooking(row: BookingRowSql): CalendarBooking {
  const { reviewState, pinned, ...rest } = row;
  return { ...rest, needsReview: reviewState === 'needs_review', pinned: pinned === 1 };
}

/** The board lists bookings by technician row, so it needs no technician name per booking. */
export function toBoardBooking({ resourceName: _resourceName, ...row }: CalendarBooking): BoardBookingRow {
  return row;
}

export { bookingColumns, bookingJoins, type BookingRowSql };
