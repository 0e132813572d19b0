import type { MailAttachment } from '../store/portal/mail-outbox-queries';
import { visitCalendar } from '../calendar/visit-event';
import { serviceName, type BookingFacts } from './booking-facts';

/**
 * The .ics file a customer's message carries: the visit in the account's zone, under its own
 * UID (not the technician's event) with the booking's version as SEQUENCE, so a calendar that
 * imported the confirmation updates the same entry on a move and removes it on a cancellation.
 */
export function customerVisitIcs(facts: BookingFacts, portalLink: string, now: number): MailAttachment {
  const canceled = facts.booking.status === 'canceled';
  const calendar = visitCalendar({ method: canceled ? 'cancel' : 'publish', timeZone: facts.account.timeZone }, [
    {
      bookingId: `${facts.booking.id}-customer`,
      sequence: facts.booking.version,
      start: facts.booking.start,
      end: facts.booking.end,
      summary: `${serviceName(facts)} (${facts.workOrder.number})`,
      location: facts.account.address,
      description: `${facts.resource.name}\n${portalLink}`,
      canceled,
      stamp: now,
    },
  ]);
  return { filename: 'visit.ics', contentType: `text/calendar; charset=utf-8; method=${canceled ? 'CANCEL' : 'PUBLISH'}`, content: Buffer.from(calendar.toString(), 'utf8').toString('base64') };
}
