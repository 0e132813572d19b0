import type { IntlShape } from '@formatjs/intl';

/** What these helpers need of an intl object: satisfied by @formatjs/intl's and react-intl's alike. */
export type DateFormatting = Pick<IntlShape, 'formatDate' | 'formatDateTimeRange' | 'formatRelativeTime'>;

/** Day, month, year, hour, minute and the zone's short name: an instant never appears without its zone. */
const instantOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "Nov 23, 2026, 10:30 AM CST" in the intl's zone and language. */
export function formatInstant(intl: DateFormatting, epochMs: number): string {
  return intl.formatDate(epochMs, instantOptions);
}

/** "Nov 23, 2026, 9:00 – 10:30 AM CST": the shared parts once, the zone named. */
export function formatInstantRange(intl: DateFormatting, startMs: number, endMs: number): string {
  return intl.formatDateTimeRange(startMs, endMs, instantOptions);
}

/** "now" under 45 s; then minutes, hours, days ago, in the intl's language (CLDR's own words). */
export function formatAge(intl: DateFormatting, atMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - atMs) / 1000));
  if (seconds < 45) return intl.formatRelativeTime(0, 'second', { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return intl.formatRelativeTime(-minutes, 'minute', { numeric: 'auto', style: 'short' });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return intl.formatRelativeTime(-hours, 'hour', { numeric: 'auto', style: 'short' });
  return intl.formatRelativeTime(-Math.round(hours / 24), 'day', { numeric: 'auto' });
}
