import type { TechnicianPublishing } from '../../../../shared/contract/calendar-http';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';
import type { Replica } from '../open-replica';

/** Every technician by name, with no publishing state: what Portal → Calendars lists when the hub reports none. */
export function techniciansWithoutPublishing(db: Replica): TechnicianPublishing[] {
  const rows = prepareCached(db, 'SELECT id, name, time_zone AS timeZone FROM resources ORDER BY lower(name), id').all() as { id: string; name: string; timeZone: string }[];
  return rows.map((r) => ({ resourceId: r.id, name: r.name, timeZone: r.timeZone, feedIssuedAt: null, caldav: null }));
}
