import type { MapDay, MapTechnician, MapVisit } from '../../../../shared/contract/map-day';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

/** The day's visits (not canceled) with their sites, and where each technician was last known to be by `now`. */
export function mapDay(db: Replica, range: { rangeStart: number; rangeEnd: number }, now: number): MapDay {
  const visits = prepareCached(
    db,
    `SELECT b.id AS bookingId, w.number AS workOrderNumber, i.name AS title, a.name AS accountName, a.address,
       a.lat, a.lng, b.start_ms AS start, b.end_ms AS end, b.status, b.resource_id AS resourceId, r.name AS resourceName
     FROM bookings b JOIN work_orders w ON w.id = b.work_order_id JOIN incident_types i ON i.id = w.incident_type_id
     JOIN accounts a ON a.id = w.account_id JOIN resources r ON r.id = b.resource_id
     WHERE b.start_ms < @rangeEnd AND b.end_ms > @rangeStart AND b.status <> 'canceled'
     ORDER BY b.start_ms, r.name, b.id`,
  ).all(range) as MapVisit[];
  return { visits, technicians: lastKnownPositions(db, visits, now) };
}

/**
 * The replica has no live positions: a technician is where their visit in progress is, else at
 * their last visit finished by `now` that day, else at home; one on the way is heading somewhere.
 */
function lastKnownPositions(db: Replica, visits: readonly MapVisit[], now: number): MapTechnician[] {
  const homes = prepareCached(db, 'SELECT id, name, home_lat AS lat, home_lng AS lng FROM resources ORDER BY name, id').all() as { id: string; name: string; lat: number; lng: number }[];
  const byResource = new Map<string, MapVisit[]>();
  for (const visit of visits) byResource.set(visit.resourceId, [...(byResource.get(visit.resourceId) ?? []), visit]);
  return homes.map((home) => {
    const own = byResource.get(home.id) ?? [];
    const current = own.find((v) => v.status === 'in_progress');
    const headingTo = own.find((v) => v.status === 'traveling')?.workOrderNumber ?? null;
    const lastDone = own.filter((v) => v.status === 'completed' && v.end <= now).at(-1);
    const at = current ?? lastDone;
    if (!at) return { ...home, source: 'home_base', workOrderNumber: null, headingTo };
    return { id: home.id, name: home.name, lat: at.lat, lng: at.lng, source: current ? 'in_progress' : 'last_completed', workOrderNumber: at.workOrderNumber, headingTo };
  });
}
