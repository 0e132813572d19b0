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

type Values = Record<string, string | number>;

/**
 * A message with values, compiled once. intl.formatMessage merges the formats with the zone
 * and serialises them to find its cached compiled message on every call: the rows' labels
 * ("3 bookings", "Anna Park's bookings") paid that per row in the board's first render.
 */
function compiledMessage(intl: IntlShape, id: MessageKey): (values: Values) => string {
  const source = Object.hasOwn(intl.messages, id) ? intl.messages[id] : undefined;
  if (source === undefined) return (values) => intl.formatMessage({ id }, values);
  const format = intl.formatters.getMessageFormat(source, intl.locale, intl.formats, { formatters: intl.formatters });
  return (values) => {
    const result = format.format<string>(values);
    return Array.isArray(result) ? result.join('') : String(result);
  };
}

function boardWords(intl: IntlShape): BoardWords {
  const message = (id: MessageKey, values?: Values) => intl.formatMessage({ id }, values);
  const technicianCount = compiledMessage(intl, 'board.technicianCount');
  const bookingCount = compiledMessage(intl, 'board.bookingCount');
  const technicianBookings = compiledMessage(intl, 'board.technicianBookings');
  const timeRange = compiledMessage(intl, 'board.timeRange');
  const worksInZone = compiledMessage(intl, 'board.worksInZone');
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
    technicianCount: (count) => technicianCount({ count }),
    bookingCount: (count) => bookingCount({ count }),
    technicianBookings: (name) => technicianBookings({ name }),
    timeRange: (from, to) => timeRange({ from, to }),
    worksInZone: (zone) => worksInZone({ zone }),
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

const quarterHour = (t: number) => Math.floor(t / (15 * 60_000));

/** Remembers a formatter's answers by key (bounded: a long session scrolls through many days). */
function cachedBy<T>(key: (t: number) => number, compute: (t: number) => T): (t: number) => T {
  const cache = new Map<number, T>();
  return (t) => {
    const k = key(t);
    let value = cache.get(k);
    if (value === undefined) {
      value = compute(t);
      if (cache.size > 5000) cache.clear();
      cache.set(k, value);
    }
    return value;
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
  const zoneNames = new Map<string, string>();
  return {
    // Bookings start and end on a few distinct minutes; formatting is the costly part of a label.
    time: cachedBy((t) => t, (t) => time.format(t)),
    // Every booking's label on a multi-day board names its day, and every hour tick is asked its
    // hour: one format per quarter hour, since every zone's offset from UTC is a whole number of them.
    day: cachedBy(quarterHour, (t) => day.format(t)),
    hour: cachedBy(quarterHour, (t) => Number(hour.format(t)) % 24),
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
