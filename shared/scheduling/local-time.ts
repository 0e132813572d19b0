import { Temporal } from 'temporal-polyfill';
import type { Weekday } from './types';

/**
 * Zone arithmetic. Temporal is the authority but stays out of hot loops: local wall-clock
 * times are memoised per (zone, date, time), UTC offsets per (zone, UTC day) (see
 * `offsetMsAt`), and instants are formatted and plain dates stepped with integer arithmetic
 * on top of those (same text as Temporal; out-of-range years fall back to Temporal). Every
 * memo is a pure cache (same input, same answer) and is cleared when it grows large.
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

const dayMs = 86_400_000;

/**
 * UTC offset (ms) of a zone at an instant, without Temporal in the hot path. Offsets are
 * looked up once per (zone, UTC day) with Temporal: when the offset at the day's first and
 * last millisecond agree (every day but the one or two a year with a transition; no zone
 * has two transitions that cancel out within one UTC day), the whole day has that offset.
 * On a transition day the transition instant is found once by bisection, to the millisecond.
 */
interface DayOffset {
  /** Offset before `at` (all day when there is no transition). */
  before: number;
  after: number;
  /** First instant of the new offset; Infinity when the day has no transition. */
  at: number;
}
const dayOffsets = new Map<string, Map<number, DayOffset>>();

function temporalOffsetMs(epochMs: number, zone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
}

function dayOffset(day: number, zone: string): DayOffset {
  const first = day * dayMs;
  const before = temporalOffsetMs(first, zone);
  const after = temporalOffsetMs(first + dayMs - 1, zone);
  if (before === after) return { before, after, at: Infinity };
  let lo = first; // offset `before` here
  let hi = first + dayMs - 1; // offset `after` here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (temporalOffsetMs(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return { before, after, at: hi };
}

export function offsetMsAt(epochMs: number, zone: string): number {
  let days = dayOffsets.get(zone);
  if (!days) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  const day = Math.floor(epochMs / dayMs);
  let entry = days.get(day);
  if (entry === undefined) {
    if (days.size >= memoLimit) days.clear();
    entry = dayOffset(day, zone);
    days.set(day, entry);
  }
  return epochMs < entry.at ? entry.before : entry.after;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const dateNames = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), for years 1000–9999. */
function dateOfDayNumber(day: number): string {
  let name = dateNames.get(day);
  if (name === undefined) {
    const d = new Date(day * dayMs);
    name = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    if (dateNames.size >= memoLimit) dateNames.clear();
    dateNames.set(day, name);
  }
  return name;
}

/** Plain arithmetic covers years 1000–9999 with whole-minute offsets; anything else goes through Temporal. */
const minFast = Date.UTC(1000, 0, 1);
const maxFast = Date.UTC(9999, 11, 30);

/** The local date 'YYYY-MM-DD' of an instant in a zone. */
export function localDateOf(epochMs: number, zone: string): string {
  if (epochMs > minFast && epochMs < maxFast) {
    return dateOfDayNumber(Math.floor((epochMs + offsetMsAt(epochMs, zone)) / dayMs));
  }
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** ISO string with the zone's offset, e.g. 2026-03-09T08:00:00-04:00 (same text as Temporal's). */
export function formatLocal(epochMs: number, zone: string): string {
  const offset = epochMs > minFast && epochMs < maxFast ? offsetMsAt(epochMs, zone) : NaN;
  if (Number.isNaN(offset) || offset % 60_000 !== 0) {
    return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never' });
  }
  const local = epochMs + offset;
  const day = Math.floor(local / dayMs);
  const ms = local - day * dayMs;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const sec = Math.floor(ms / 1000) % 60;
  const frac = ms % 1000;
  const fraction = frac === 0 ? '' : `.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
  const abs = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${dateOfDayNumber(day)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}${fraction}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Wall-clock 'HH:MM' of an instant in a zone, for human sentences. */
export function formatClock(epochMs: number, zone: string): string {
  if (epochMs > minFast && epochMs < maxFast) {
    const local = epochMs + offsetMsAt(epochMs, zone);
    const ms = local - Math.floor(local / dayMs) * dayMs;
    return `${pad2(Math.floor(ms / 3_600_000))}:${pad2(Math.floor(ms / 60_000) % 60)}`;
  }
  const t = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

const plainDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a plain 'YYYY-MM-DD' date, or null to let Temporal parse (and reject) it. */
function dayNumberOf(date: string): number | null {
  const m = plainDate.exec(date);
  if (!m) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / dayMs;
  return Number(m[1]) >= 1000 && dateOfDayNumber(day) === date ? day : null;
}

export function addDays(date: string, days: number): string {
  const day = dayNumberOf(date);
  if (day !== null && Number.isInteger(days)) {
    const result = day + days;
    if (result * dayMs > minFast && result * dayMs < maxFast) return dateOfDayNumber(result);
  }
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Local dates from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  const dates: string[] = [];
  if (first !== null && last !== null) {
    for (let d = first; d <= last; d++) dates.push(dateOfDayNumber(d));
    return dates;
  }
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
    dates.push(d.toString());
  }
  return dates;
}

const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function weekdayOf(date: string): Weekday {
  const day = dayNumberOf(date);
  // 1970-01-01 was a Thursday.
  if (day !== null) return weekdays[(((day + 3) % 7) + 7) % 7] ?? 'mon';
  return weekdays[Temporal.PlainDate.from(date).dayOfWeek - 1] ?? 'mon';
}

export function wallClockGrid(date: string, fromMinute: number, stepMinutes: number, zone: string): number[] {
  const day = dayNumberOf(date);
  const instants: number[] = [];
  if (day === null) {
    for (let m = fromMinute; m < 24 * 60; m += stepMinutes) instants.push(localTimeToEpoch(date, `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`, zone));
    return instants;
  }
  const early = offsetMsAt(startOfLocalDay(date, zone), zone);
  const late = offsetMsAt(startOfLocalDay(addDays(date, 1), zone) - 1, zone);
  const offsets = early === late ? [early] : [Math.max(early, late), Math.min(early, late)];
  for (let m = fromMinute; m < 24 * 60; m += stepMinutes) {
    const wall = day * dayMs + m * 60_000;
    for (const offset of offsets) {
      const t = wall - offset;
      if (offsets.length === 1 || offsetMsAt(t, zone) === offset) instants.push(t);
    }
  }
  // Falling back, 01:30 EDT comes after 01:00 EST on the grid but before it in time.
  return offsets.length === 1 ? instants : [...new Set(instants)].sort((a, b) => a - b);
}

/** Local dates (in `zone`) touched by the span [start, end). */
export function localDatesTouching(start: number, end: number, zone: string): string[] {
  const first = localDateOf(start, zone);
  const last = localDateOf(Math.max(start, end - 1), zone);
  return first === last ? [first] : datesBetween(first, last);
}
