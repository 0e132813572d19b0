import { localTimeToEpoch, startOfLocalDay, addDays, weekdayOf } from './local-time';
import type { LatLng, SchedulingResource, TimeSpan } from './types';

/** Something occupying a technician: an existing booking or a visit the planner placed. */
export interface Stop {
  id: string;
  start: number;
  end: number;
  location: LatLng;
  load: number;
}

/**
 * One technician's local day (in the technician's zone), precomputed once so that checking a
 * candidate start never rescans all bookings.
 */
export interface DayContext {
  resource: SchedulingResource;
  date: string;
  dayStart: number;
  dayEnd: number;
  /** Working hours of that date as instants, merged, sorted. */
  shifts: TimeSpan[];
  /** Active bookings starting on this local date, sorted by start: "that day's" previous/next sites. */
  dayStops: Stop[];
  /** Active bookings of any day that intersect this day, sorted by start: what a visit must not overlap. */
  busy: Stop[];
  /** Time off near this day (travel may reach a little outside the day). */
  timeOff: TimeSpan[];
}

/** Working hours of a local date as merged instant spans (DST-correct: wall-clock times are resolved per date). */
export function shiftsOn(resource: SchedulingResource, date: string): TimeSpan[] {
  const windows = resource.weeklyHours[weekdayOf(date)] ?? [];
  const spans = windows
    .map((w) => ({
      start: localTimeToEpoch(date, w.start, resource.timeZone),
      end: localTimeToEpoch(date, w.end, resource.timeZone),
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

/** Builds a day context from a technician's bookings (active only, sorted by start). */
export function buildDayContext(
  resource: SchedulingResource,
  date: string,
  sortedStops: readonly Stop[],
  longestStopMs: number,
): DayContext {
  const dayStart = startOfLocalDay(date, resource.timeZone);
  const dayEnd = startOfLocalDay(addDays(date, 1), resource.timeZone);
  const from = lowerBound(sortedStops, dayStart - longestStopMs);
  const busy: Stop[] = [];
  const dayStops: Stop[] = [];
  for (let i = from; i < sortedStops.length; i++) {
    const stop = sortedStops[i];
    if (!stop || stop.start >= dayEnd) break;
    if (stop.end > dayStart) busy.push(stop);
    if (stop.start >= dayStart) dayStops.push(stop);
  }
  const timeOff = resource.timeOff.filter((t) => t.start < dayEnd + dayMs && t.end > dayStart - dayMs);
  return { resource, date, dayStart, dayEnd, shifts: shiftsOn(resource, date), dayStops, busy, timeOff };
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

/** A copy of the context with extra stops (visits placed by the planner) added to the day. */
export function withExtraStops(day: DayContext, extra: readonly Stop[]): DayContext {
  if (extra.length === 0) return day;
  const byStart = compareStops;
  return {
    ...day,
    dayStops: [...day.dayStops, ...extra].sort(byStart),
    busy: [...day.busy, ...extra].sort(byStart),
  };
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
