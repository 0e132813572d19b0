import { createHash } from 'node:crypto';
import type { CalendarRow } from '../store/notifications/calendar-queries';
import type { VisitEvent } from './visit-event';

/** What a technician's calendar event shows of a booking (English: the calendar is the company's own). */
export function eventContent(row: CalendarRow): Omit<VisitEvent, 'sequence' | 'stamp'> {
  const b = row.booking;
  const lines = [
    `Work order: ${row.number}`,
    `Status: ${b.status.replace('_', ' ')}`,
    `Priority: ${row.priority}`,
    ...(row.workOrderType ? [`Work order type: ${row.workOrderType}`] : []),
    ...(row.incidentType ? [`Primary incident type: ${row.incidentType}`] : []),
    ...(row.summary ? [`Summary: ${row.summary}`] : []),
    `Account: ${row.accountName}`,
    `Location: ${row.address}`,
    ...(row.contactName ? [`Primary contact: ${row.contactName}${row.contactEmail ? ` <${row.contactEmail}>` : ''}`] : []),
    ...(row.promisedWindowStart !== null && row.promisedWindowEnd !== null ? [`Promised arrival window: ${new Date(row.promisedWindowStart).toISOString()} – ${new Date(row.promisedWindowEnd).toISOString()} (UTC)`] : []),
  ];
  return {
    bookingId: b.id,
    start: b.start,
    end: b.end,
    summary: `${row.number} · ${row.incidentType ?? row.summary} · ${row.accountName}`,
    location: row.address,
    description: lines.join('\n'),
    canceled: b.status === 'canceled',
  };
}

/** Changes whenever anything the event shows changes: the event's SEQUENCE is raised then. */
export function eventFingerprint(content: Omit<VisitEvent, 'sequence' | 'stamp'>): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}
