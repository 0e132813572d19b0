import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { formatInstant, formatInstantRange } from '../../shared/i18n/format-instant';

/**
 * Times of visits in the account's zone (the IntlProvider's, set from the profile) and in the
 * language on screen, always with the zone's name: "Dec 3, 2026, 9:00 – 10:30 AM CST".
 */
export function useFormatTimes() {
  const intl = useIntl();
  const range = useCallback((start: number, end: number) => formatInstantRange(intl, start, end), [intl]);
  const instant = useCallback((at: number) => formatInstant(intl, at), [intl]);
  /** Only the clock times, for a list of one day's free times: "9:00 – 10:30 AM CST". */
  const clockRange = useCallback(
    (start: number, end: number) => intl.formatDateTimeRange(start, end, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
    [intl],
  );
  const clock = useCallback((at: number) => intl.formatTime(at, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }), [intl]);
  return { range, instant, clockRange, clock };
}

const dayStyles: Readonly<Record<'weekday' | 'day' | 'long', Intl.DateTimeFormatOptions>> = {
  weekday: { weekday: 'short' },
  day: { day: 'numeric' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

/** A calendar day 'YYYY-MM-DD' (a date, not an instant: no zone applies): "Wed", "3", "Wednesday, December 3, 2026". */
export function useFormatDay() {
  const intl = useIntl();
  return useCallback((date: string, style: keyof typeof dayStyles) => intl.formatDate(dayAsUtcNoon(date), { ...dayStyles[style], timeZone: 'UTC' }), [intl]);
}

/** The months a run of days spans: "November 2026", "Nov – Dec 2026". */
export function useFormatMonths() {
  const intl = useIntl();
  return useCallback(
    (first: string, last: string) => intl.formatDateTimeRange(dayAsUtcNoon(first), dayAsUtcNoon(last), { month: first.slice(0, 7) === last.slice(0, 7) ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }),
    [intl],
  );
}

export function dayAsUtcNoon(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
}

/** Calendar arithmetic on 'YYYY-MM-DD' (UTC noon never crosses a day edge). */
export function addDays(date: string, days: number): string {
  return new Date(dayAsUtcNoon(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The 'YYYY-MM-DD' day an instant falls on in a zone (the account's). */
export function dayInZone(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The day clamped into [first, last]. */
export function clampDay(day: string, first: string, last: string): string {
  return day < first ? first : day > last ? last : day;
}
