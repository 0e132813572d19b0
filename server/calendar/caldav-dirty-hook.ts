import type { CommitHook } from '../store/hub-store';
import { caldavResourcesOfBookings } from '../store/notifications/caldav-event-queries';
import { anyEnabledCaldavTarget, markCaldavDirty } from '../store/notifications/caldav-target-queries';
import { calendarRowsAffected } from '../store/notifications/calendar-queries';
import { CALENDAR_HISTORY_MS, calendarIdsOf } from './calendar-sequence-hook';

/**
 * The commit hook that marks for push the technicians whose calendar events a transaction
 * changed: the technician each affected booking is with now, and any whose calendar still holds
 * one of the written bookings (it moved away or was deleted). Only marks: the HTTP work happens
 * after commit, in the pusher, never inside the transaction.
 */
export function caldavDirtyHook(): CommitHook {
  return async (tx, changed) => {
    if (!(await anyEnabledCaldavTarget(tx.sql))) return;
    const resources = new Set<string>();
    for (const row of await calendarRowsAffected(tx.sql, calendarIdsOf(changed), Date.now() - CALENDAR_HISTORY_MS)) resources.add(row.booking.resourceId);
    const bookings = changed.filter((row) => row.entity === 'booking').map((row) => row.id);
    for (const resourceId of await caldavResourcesOfBookings(tx.sql, bookings)) resources.add(resourceId);
    await markCaldavDirty(tx.sql, [...resources]);
  };
}
