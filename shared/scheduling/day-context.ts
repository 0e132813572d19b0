import { localTimeToEpoch, startOfLocalDay, addDays, weekdayOf } from './local-time';
import type { LatLng, SchedulingResource, TimeSpan } from './types';
import { subtractSpans } from './working-time';

/** Something occupying a technician: an existing booking or a visit the planner placed. */
export interface Stop {
  id: string;
  start: number;
  end: number;
  location: LatLng;
  load: number;
}

/**
 * One technician's working day (a local date in the technician's zone), precomputed once so
 * that checking a candidate start never rescans all bookings. An overnight shift belongs to
 * the day it starts: that day owns the night up to the shift's end, so visits after midnight
 * are on the same route, count against the same capacity and have their neighbours across
 * midnight.
 */
export interface DayContext {
  resource: SchedulingResource;
  date: string;
  dayStart: number;
  dayEnd: number;
  /** [ownStart, ownEnd): a visit starting in here belongs to this working day (see `workDateOf`). */
  ownStart: number;
  ownEnd: number;
  /** Working hours of that date as instants, merged, sorted, clipped to start at `ownStart`. */
  shifts: TimeSpan[];
  /** The shifts minus time off and minus bookings of other days: where visits and drives may be (working-time.ts). */
  working: TimeSpan[];
  /** Active bookings starting in [ownStart, ownEnd), sorted by start: "that day's" previous/next sites. */
  dayStops: Stop[];
  /** Active bookings of any day that intersect this day, sorted by start: what a visit must not overlap. */
  busy: Stop[];
  /** Time off near this day (travel may reach a little outside the day). */
  timeOff: TimeSpan[];
}

/**
 * Working hours of a local date as merged instant spans (DST-correct: wall-clock times are
 * resolved per date). A window whose end is not after its start is overnight: it ends on the
 * next date ('22:00'–'06:00'). A window of no length is ignored.
 */
export function shiftsOn(resource: SchedulingResource, date: string): TimeSpan[] {
  const windows = resource.weeklyHours[weekdayOf(date)] ?? [];
  const spans = windows
    .map((w) => ({
      start: localTimeToEpoch(date, w.start, resource.timeZone),
      end: localTimeToEpoch(w.end !== '24:00' && w.end <= w.start ? addDays(date, 1) : date, w.end, resource.timeZone),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: TimeSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const dayMs = 24 * 3_600_000;

/** Where a date's working day ends: local midnight, or later when its last shift runs into the night. */
export function ownEndOf(resource: SchedulingResource, date: string): number {
  const dayEnd = startOfLocalDay(addDays(date, 1), resource.timeZone);
  return Math.max(dayEnd, shiftsOn(resource, date).at(-1)?.end ?? dayEnd);
}

/** Builds a day context from a technician's bookings (active only, sorted by start). */
export function buildDayContext(
  resource: SchedulingResource,
  date: string,
  sortedStops: readonly Stop[],
  longestStopMs: number,
): DayContext {
  const dayStart = startOfLocalDay(date, resource.timeZone);
  const dayEnd = startOfLocalDay(addDays(date, 1), resource.timeZone);
  const ownStart = ownEndOf(resource, addDays(date, -1)); // the previous day's night, if any, is its own
  const ownShifts = shiftsOn(resource, date);
  const ownEnd = Math.max(dayEnd, ownShifts.at(-1)?.end ?? dayEnd);
  const shifts = subtractSpans(ownShifts, [{ start: -Infinity, end: ownStart }]);
  const from = lowerBound(sortedStops, ownStart - longestStopMs);
  const busy: Stop[] = [];
  const dayStops: Stop[] = [];
  for (let i = from; i < sortedStops.length; i++) {
    const stop = sortedStops[i];
    if (!stop || stop.start >= ownEnd) break;
    if (stop.end > ownStart) busy.push(stop);
    if (stop.start >= ownStart) dayStops.push(stop);
  }
  const timeOff = resource.timeOff.filter((t) => t.start < ownEnd + dayMs && t.end > ownStart - dayMs);
  const otherDays = busy.filter((b) => b.start < ownStart);
  const working = subtractSpans(shifts, [...timeOff, ...otherDays]);
  return { resource, date, dayStart, dayEnd, ownStart, ownEnd, shifts, working, dayStops, busy, timeOff };
}

/** Index of the first stop whose start is ≥ `start`. */
export function lowerBound(sortedStops: readonly Stop[], start: number): number {
  let lo = 0;
  let hi = sortedStops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sortedStops[mid]?.start ?? Infinity) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stop the technician comes from for a visit starting at `start`: the day's stop with
 * the latest end at or before it (ties: later start, then smaller id). Null means home base.
 */
export function previousStop(dayStops: readonly Stop[], start: number): Stop | null {
  let best: Stop | null = null;
  for (const stop of dayStops) {
    if (stop.end > start) continue;
    if (!best || stop.end > best.end || (stop.end === best.end && (stop.start > best.start || (stop.start === best.start && stop.id < best.id)))) {
      best = stop;
    }
  }
  return best;
}

/** The stop the technician goes to after a visit ending at `end`: earliest start at or after it (ties: smaller id). */
export function nextStop(dayStops: readonly Stop[], end: number): Stop | null {
  for (const stop of dayStops) {
    if (stop.start >= end) return stop; // dayStops is sorted by start
  }
  return null;
}

export function usedLoad(stops: readonly Stop[]): number {
  return stops.reduce((sum, s) => sum + s.load, 0);
}

export function bookedMinutes(stops: readonly Stop[]): number {
  return stops.reduce((sum, s) => sum + (s.end - s.start) / 60_000, 0);
}

/** Sort order for stops: by start, then id, so ties resolve the same way everywhere. */
export function compareStops(a: Stop, b: Stop): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
