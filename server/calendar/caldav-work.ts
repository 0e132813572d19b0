import type { HubReadTx } from '../store/hub-store';
import { caldavEventRecords } from '../store/notifications/caldav-event-queries';
import { calendarRowsAffected, technicianCalendarRows } from '../store/notifications/calendar-queries';
import { planCaldavPush, type CaldavPlan } from './caldav-plan';
import { FEED_WINDOW } from './technician-feed';

const DAY_MS = 86_400_000;

export interface CaldavWork {
  timeZone: string;
  plan: CaldavPlan;
}

/**
 * What the technician's calendar needs now: the feed's window (whole days, like the feed) and
 * every later booking already published, so a visit moved beyond the window is updated, not left
 * at its old time.
 */
export async function caldavWork(tx: Pick<HubReadTx, 'get' | 'sql'>, resourceId: string, now: number): Promise<CaldavWork | undefined> {
  const resource = await tx.get('resource', resourceId);
  if (!resource) return undefined;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const from = today - FEED_WINDOW.backMs;
  const rows = await technicianCalendarRows(tx.sql, resourceId, from, today + DAY_MS + FEED_WINDOW.aheadMs);
  const records = await caldavEventRecords(tx.sql, resourceId);
  const inWindow = new Set(rows.map((r) => r.booking.id));
  const later = records.filter((r) => r.bookingResourceId === resourceId && !inWindow.has(r.bookingId) && (r.bookingEnd ?? 0) > from).map((r) => r.bookingId);
  const extra = later.length > 0 ? await calendarRowsAffected(tx.sql, { bookings: later, workOrders: [], accounts: [], contacts: [], incidentTypes: [] }, from) : [];
  return { timeZone: resource.timeZone, plan: planCaldavPush(resourceId, [...rows, ...extra], records, from) };
}
