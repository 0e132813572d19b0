/** Labels for the board: hour axis, words and booking descriptions for screen readers, in one language. */
import type { IntlShape } from '@formatjs/intl';
import type { UtilisationLevel } from '../../../shared/contract/ipc-contract';
import type { BookingStatus } from '../../../shared/domain/booking-status';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { createIntlFor } from '../../../shared/i18n/create-intl';
import type { SupportedLocale } from '../../../shared/i18n/locales';
import type { BoardBooking } from './board-types';

/** The board's fixed words, translated once per language rather than once per row or block. */
export interface BoardWords {
  legend: string;
  legendNeedsReview: string;
  legendPinned: string;
  /** Lower case, inside a booking's description. */
  needsReview: string;
  pinned: string;
  /** Between the parts of a booking's description: ", " or the Arabic "، ". */
  separator: string;
  status: Readonly<Record<BookingStatus, string>>;
  grid: string;
  keyboardHint: string;
  empty: string;
  technicians: string;
  technicianCount: (count: number) => string;
  bookingCount: (count: number) => string;
  technicianBookings: (name: string) => string;
  timeRange: (from: string, to: string) => string;
  /** "Works in America/Denver time": the marker on a technician in another zone. */
  worksInZone: (zone: string) => string;
  /** What a screen reader calls a booking that can be picked up and dragged. */
  draggableBooking: string;
  utilisation: Readonly<Record<UtilisationLevel, string>>;
}

export interface BoardFormatters {
  /** "09:00" in the board's zone. */
  time: (epochMs: number) => string;
  /** "Tue 11 Mar" in the board's zone. */
  day: (epochMs: number) => string;
  /** Local hour of day 0–23 in the board's zone. */
  hour: (epochMs: number) => number;
  /** A zone's short name in this language ("MST", "GMT+1"), as of `at`. */
  zoneName: (zone: string, at?: number) => string;
  words: BoardWords;
}

function boardWords(intl: IntlShape): BoardWords {
  const message = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  return {
    legend: message('board.legend'),
    legendNeedsReview: message('board.legend.needsReview'),
    legendPinned: message('board.legend.pinned'),
    needsReview: message('board.needsReview'),
    pinned: message('board.pinned'),
    separator: message('board.separator'),
    status: {
      scheduled: message('status.scheduled'),
      traveling: message('status.traveling'),
      in_progress: message('status.in_progress'),
      completed: message('status.completed'),
      canceled: message('status.canceled'),
    },
    grid: message('board.grid'),
    keyboardHint: message('board.keyboardHint'),
    empty: message('board.empty'),
    technicians: message('board.technicians'),
    technicianCount: (count) => message('board.technicianCount', { count }),
    bookingCount: (count) => message('board.bookingCount', { count }),
    technicianBookings: (name) => message('board.technicianBookings', { name }),
    timeRange: (from, to) => message('board.timeRange', { from, to }),
    worksInZone: (zone) => message('board.worksInZone', { zone }),
    draggableBooking: message('board.draggableBooking'),
    utilisation: {
      off: message('board.utilisation.off'),
      free: message('board.utilisation.free'),
      partly: message('board.utilisation.partly'),
      fully: message('board.utilisation.fully'),
      over: message('board.utilisation.over'),
    },
  };
}

/**
 * English keeps the board's British day-month order ("Tue 11 Mar"); every language gets a
 * 24-hour clock, which reads best on a dense time axis.
 */
export function createFormatters(timeZone: string, locale: SupportedLocale = 'en'): BoardFormatters {
  const dateLocale = locale === 'en' ? 'en-GB' : locale;
  const time = new Intl.DateTimeFormat(dateLocale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat(dateLocale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const hour = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  // Bookings start and end on a few distinct minutes; formatting is the costly part of a label.
  const timeCache = new Map<number, string>();
  const zoneNames = new Map<string, string>();
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
    zoneName: (zone, at = Date.now()) => {
      const key = `${zone}|${Math.floor(at / 86_400_000)}`;
      let name = zoneNames.get(key);
      if (name === undefined) {
        name = new Intl.DateTimeFormat(dateLocale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
        zoneNames.set(key, name);
      }
      return name;
    },
    words: boardWords(createIntlFor(locale, timeZone)),
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
  const { words } = formatters;
  const when = `${formatters.time(booking.start)}–${formatters.time(booking.end)}`;
  const parts = [
    booking.reference ? `${booking.reference} ${booking.title}` : booking.title,
    technicianName,
    multiDay ? `${formatters.day(booking.start)} ${when}` : when,
    words.status[booking.status],
  ];
  if (booking.needsReview) parts.push(words.needsReview);
  if (booking.pinned) parts.push(words.pinned);
  // The account goes last so the fixed-order prefix above stays predictable.
  if (booking.subtitle) parts.push(booking.subtitle);
  return parts.join(words.separator);
}
