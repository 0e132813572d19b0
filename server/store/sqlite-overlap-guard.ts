/**
 * SQLite has no exclusion constraints, so two triggers refuse a booking that overlaps an active
 * booking of the same technician (migration 004 creates them). A bulk load drops them, inserts,
 * puts them back and checks every technician's bookings at once (one sorted pass instead of a
 * range scan per row). The check walks a technician's bookings by end time from the new
 * booking's start: only bookings still running then, few for a booking near or after now, where
 * a walk by start time would visit the technician's whole history. Changing the triggers needs a
 * migration that drops and recreates them.
 */
const overlapCheck = `WHEN NEW.status <> 'canceled' AND EXISTS (
    SELECT 1 FROM bookings b INDEXED BY bookings_by_resource_end WHERE b.resource_id = NEW.resource_id AND b.id <> NEW.id AND b.status <> 'canceled'
      AND b.start_ms < NEW.end_ms AND b.end_ms > NEW.start_ms)
  BEGIN SELECT RAISE(ABORT, 'bookings_no_overlap'); END;`;

export const createOverlapGuard = `
  CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings ${overlapCheck}
  CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF resource_id, start_ms, end_ms, status ON bookings ${overlapCheck}
`;

export const dropOverlapGuard = 'DROP TRIGGER bookings_no_overlap_insert; DROP TRIGGER bookings_no_overlap_update;';

/** The first active booking that starts before an earlier active booking of its technician ends, if any. */
export const firstOverlap = `
  SELECT id FROM (
    SELECT id, start_ms, MAX(end_ms) OVER (PARTITION BY resource_id ORDER BY start_ms, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
    FROM bookings WHERE status <> 'canceled')
  WHERE earlier_end > start_ms LIMIT 1`;
