import { Temporal } from 'temporal-polyfill';
import type { Weekday } from './types';

/**
 * Zone arithmetic through Temporal. Results are memoised per (zone, date, time) because the
 * same few zones and shift patterns are asked for thousands of times per call; the memo is
 * a pure cache (same input, same answer) and is cleared when it grows large.
 */
const memo = new Map<string, number>();
const memoLimit = 100_000;

function remember(key: string, compute: () => number): number {
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= memoLimit) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Epoch ms of a local wall-clock time. A time skipped by a DST jump moves forward ('compatible'). */
export function localTimeToEpoch(date: string, time: string, zone: string): number {
  if (time === '24:00') return startOfLocalDay(addDays(date, 1), zone);
  return remember(`${zone}|${date}|${time}`, () =>
    Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone, { disambiguation: 'compatible' })
      .epochMilliseconds,
  );
}

/** Epoch ms of the first instant of a local date (not always 00:00 where midnight is skipped). */
export function startOfLocalDay(date: string, zone: string): number {
  return remember(`${zone}|${date}|start`, () =>
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
  );
}

const dateMemo = new Map<string, string>();
const quarterHourMs = 15 * 60_000;

/**
 * The local date 'YYYY-MM-DD' of an instant in a zone. Every zone offset is a multiple of 15
 * minutes, so local midnight always falls on a UTC quarter-hour: the date is constant within
 * a quarter-hour and can be memoised per quarter-hour bucket.
 */
export function localDateOf(epochMs: number, zone: string): string {
  const key = `${zone}|${Math.floor(epochMs / quarterHourMs)}`;
  const known = dateMemo.get(key);
  if (known !== undefined) return known;
  if (dateMemo.size >= memoLimit) dateMemo.clear();
  const date = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate().toString();
  dateMemo.set(key, date);
  return date;
}

/** ISO string with the zone's offset, e.g. 2026-03-09T08:00:00-04:00. */
export function formatLocal(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never' });
}

/** Wall-clock 'HH:MM' of an instant in a zone, for human sentences. */
export function formatClock(epochMs: number, zone: string): string {
  const t = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Local dates from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
    dates.push(d.toString());
  }
  return dates;
}

const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function weekdayOf(date: string): Weekday {
  return weekdays[Temporal.PlainDate.from(date).dayOfWeek - 1] ?? 'mon';
}

/** Local dates (in `zone`) touched by the span [start, end). */
export function localDatesTouching(start: number, end: number, zone: string): string[] {
  const first = localDateOf(start, zone);
  const last = localDateOf(Math.max(start, end - 1), zone);
  return first === last ? [first] : datesBetween(first, last);
}
