import type { ChangedRow, CommitHook } from '../store/hub-store';
import { calendarRowsAffected, saveCalendarEvent, type CalendarIds } from '../store/notifications/calendar-queries';
import { eventContent, eventFingerprint } from './technician-event';

/** Events that ended more than this long ago are history: changes to their work order leave them as published. */
export const CALENDAR_HISTORY_MS = 7 * 86_400_000;

/**
 * The commit hook that keeps calendar events' SEQUENCE: for every booking whose event shows a
 * row the transaction wrote (the booking, its work order, account, primary contact or incident
 * type), the event is fingerprinted again and its sequence raised when it differs, in the same
 * transaction. Feeds and CalDAV pushes read the sequence from here.
 */
export function calendarSequenceHook(): CommitHook {
  return async (tx, changed) => {
    const now = Date.now();
    for (const row of await calendarRowsAffected(tx.sql, calendarIdsOf(changed), now - CALENDAR_HISTORY_MS)) {
      const fingerprint = eventFingerprint(eventContent(row));
      if (fingerprint === row.fingerprint) continue;
      // Feeds show an event without a row at SEQUENCE 0 (bulk-loaded, or older than this table): its first change is 1.
      await saveCalendarEvent(tx.sql, { bookingId: row.booking.id, fingerprint, sequence: (row.sequence ?? 0) + 1 }, now);
    }
  };
}

/** The rows a calendar event shows, of those a transaction wrote (deleted ones show nowhere any more). */
export function calendarIdsOf(changed: readonly ChangedRow[]): CalendarIds {
  const ids: CalendarIds = { bookings: [], workOrders: [], accounts: [], contacts: [], incidentTypes: [] };
  for (const row of changed) {
    if (row.deleted) continue;
    if (row.entity === 'booking') ids.bookings.push(row.id);
    else if (row.entity === 'workOrder') ids.workOrders.push(row.id);
    else if (row.entity === 'account') ids.accounts.push(row.id);
    else if (row.entity === 'contact') ids.contacts.push(row.id);
    else if (row.entity === 'incidentType') ids.incidentTypes.push(row.id);
  }
  return ids;
}
