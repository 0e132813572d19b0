import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';

/** One booking as a calendar event: the same UID in the technician's feed, CalDAV and the customer's attachment. */
export interface VisitEvent {
  bookingId: string;
  /** Raised whenever what the event shows changes, so calendar clients replace the old one. */
  sequence: number;
  start: number;
  end: number;
  summary: string;
  location: string;
  description: string;
  canceled: boolean;
  /** When the event last changed (DTSTAMP / LAST-MODIFIED). */
  stamp: number;
}

export const visitUid = (bookingId: string) => `${bookingId}@dispatch-desk`;

/**
 * A calendar whose events are written in `timeZone` (the technician's, or the customer's
 * account zone), with that zone's VTIMEZONE generated from the IANA data.
 */
export function visitCalendar(options: { name?: string; method: 'publish' | 'request' | 'cancel'; timeZone: string }, events: readonly VisitEvent[]): ICalCalendar {
  const method = { publish: ICalCalendarMethod.PUBLISH, request: ICalCalendarMethod.REQUEST, cancel: ICalCalendarMethod.CANCEL }[options.method];
  const calendar = ical({ prodId: { company: 'Dispatch Desk', product: 'Dispatch Desk', language: 'EN' }, method, ...(options.name ? { name: options.name } : {}) });
  calendar.timezone({ name: options.timeZone, generator: getVtimezoneComponent });
  for (const event of events) addVisitEvent(calendar, event, options.timeZone);
  return calendar;
}

function addVisitEvent(calendar: ICalCalendar, event: VisitEvent, timeZone: string): void {
  // Luxon instants in the zone: ical-generator writes native Dates with the process's zone.
  const at = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone });
  calendar.createEvent({
    id: visitUid(event.bookingId),
    sequence: event.sequence,
    start: at(event.start),
    end: at(event.end),
    timezone: timeZone,
    stamp: at(event.stamp),
    lastModified: at(event.stamp),
    summary: event.summary,
    location: event.location,
    description: event.description,
    status: event.canceled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}
