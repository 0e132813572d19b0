/** Labels for the board: hour axis and booking descriptions for screen readers. */
import { statusLabel } from '../../../shared/domain/booking-status';
import type { BoardBooking } from './board-types';

export interface BoardFormatters {
  /** "09:00" in the board's zone. */
  time: (epochMs: number) => string;
  /** "Tue 11 Mar" in the board's zone. */
  day: (epochMs: number) => string;
  /** Local hour of day 0–23 in the board's zone. */
  hour: (epochMs: number) => number;
}

export function createFormatters(timeZone: string, locale = 'en-GB'): BoardFormatters {
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const hour = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  // Bookings start and end on a few distinct minutes; formatting is the costly part of a label.
  const timeCache = new Map<number, string>();
  return {
    time: (t) => {
      let label = timeCache.get(t);
      if (label === undefined) {
        label = time.format(t);
        if (timeCache.size > 5000) timeCache.clear();
        timeCache.set(t, label);
      }
      return label;
    },
    day: (t) => day.format(t),
    hour: (t) => Number(hour.format(t)) % 24,
  };
}


/**
 * "WO-00042 Boiler service, Anna Park, 09:00–10:30, Scheduled, needs review, pinned, Acme Ltd".
 * On multi-day boards the day is added, since the time alone is ambiguous.
 */
export function bookingAriaLabel(
  booking: BoardBooking,
  technicianName: string,
  formatters: BoardFormatters,
  multiDay: boolean,
): string {
  const when = `${formatters.time(booking.start)}–${formatters.time(booking.end)}`;
  const parts = [
    booking.reference ? `${booking.reference} ${booking.title}` : booking.title,
    technicianName,
    multiDay ? `${formatters.day(booking.start)} ${when}` : when,
    statusLabel(booking.status),
  ];
  if (booking.needsReview) parts.push('needs review');
  if (booking.pinned) parts.push('pinned');
  // The account goes last so the fixed-order prefix above stays predictable.
  if (booking.subtitle) parts.push(booking.subtitle);
  return parts.join(', ');
}
