import type { BookingStatus } from '../../../../shared/domain/booking-status';
import type { BoardBookingRow, BoardTechnicianRow, CalendarBooking } from '../../../../shared/contract/ipc-contract';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

/** A calendar booking as SQLite returns it: review state and pinned still in their column forms. */
type BookingRowSql = Omit<CalendarBooking, 'needsReview' | 'pinned'> & { reviewState: string; pinned: number };

const bookingColumns = `
  b.id AS id, w.id AS workOrderId, b.version AS version, b.resource_id AS resourceId, r.name AS resourceName, w.number AS workOrderNumber,
  i.name AS title, a.name AS accountName, b.start_ms AS start, b.end_ms AS end, b.status AS status,
  b.review_state AS reviewState, b.pinned AS pinned`;

const bookingJoins = `
  FROM bookings b
  JOIN work_orders w ON w.id = b.work_order_id
  JOIN incident_types i ON i.id = w.incident_type_id
  JOIN accounts a ON a.id = w.account_id
  JOIN resources r ON r.id = b.resource_id`;

/**
 * Technicians with their primary (first-listed) territory, ordered as the board groups them;
 * with `territoryIds`, only those serving any of them (primary or not); with
 * `characteristicIds`, only those having every one of those skills.
 */
export function listBoardTechnicians(db: Replica, territoryIds?: readonly string[], characteristicIds?: readonly string[]): Omit<BoardTechnicianRow, 'utilisation'>[] {
  const wanted = territoryIds && territoryIds.length > 0 ? JSON.stringify(territoryIds) : null;
  const skills = characteristicIds && characteristicIds.length > 0 ? [...new Set(characteristicIds)] : null;
  return prepareCached(
    db,
    `SELECT r.id, r.name, t.id AS territoryId, t.name AS territoryName, r.time_zone AS timeZone
     FROM resources r
     JOIN resource_territories rt ON rt.rowid = (SELECT MIN(rowid) FROM resource_territories WHERE resource_id = r.id)
     JOIN territories t ON t.id = rt.territory_id
     WHERE (@wanted IS NULL OR EXISTS (
       SELECT 1 FROM resource_territories served
       WHERE served.resource_id = r.id AND served.territory_id IN (SELECT value FROM json_each(@wanted))))
       AND (@skills IS NULL OR (
         SELECT COUNT(*) FROM resource_characteristics rc
         WHERE rc.resource_id = r.id AND rc.characteristic_id IN (SELECT value FROM json_each(@skills))) = @skillCount)
     ORDER BY t.name, r.name, r.id`,
  ).all({ wanted, skills: skills ? JSON.stringify(skills) : null, skillCount: skills?.length ?? 0 }) as Omit<BoardTechnicianRow, 'utilisation'>[];
}

export function listBookingsInRange(
  db: Replica,
  range: { rangeStart: number; rangeEnd: number; resourceId?: string | undefined; statuses?: readonly BookingStatus[] | undefined },
): CalendarBooking[] {
  const statuses = range.statuses && range.statuses.length > 0 ? range.statuses : null;
  const rows = prepareCached(db, 
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
