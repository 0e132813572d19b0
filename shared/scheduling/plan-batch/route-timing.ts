import { compareStops, withExtraStops } from '../day-context';
import type { DayContext, Stop } from '../day-context';
import { feasibleStarts } from '../feasible-starts';
import { firstStartFrom } from '../intervals';
import type { SchedulingJob, TravelModel } from '../types';

/** One technician's day in the plan: fixed existing bookings plus an ordered list of jobs. */
export interface Route {
  day: DayContext;
  /** Indexes into the plan's job list, in visiting order. */
  seq: number[];
  timing: Timing;
  /** Travel of the day with existing bookings only, so the objective counts added travel. */
  baseMinutes: number;
}

export interface Timing {
  feasible: boolean;
  /** Start of each job of `seq`, same order. */
  starts: number[];
  travelMinutes: number;
  travelKm: number;
}

/**
 * Times a sequence: each job starts as early as every rule allows (working hours, time off,
 * no overlap, travel from the previous stop and to the next fixed one, capacity, its window),
 * after the previous job of the sequence ends, on a whole minute. Starting as early as possible
 * is the planner's timing policy (it leaves the most room for the jobs that follow).
 */
export function timeRoute(day: DayContext, seq: readonly number[], jobs: readonly SchedulingJob[], travel: TravelModel): Timing {
  const placed: Stop[] = [];
  const starts: number[] = [];
  let earliest = -Infinity;
  for (const jobIndex of seq) {
    const job = jobs[jobIndex] as SchedulingJob;
    const durationMs = job.durationMinutes * 60_000;
    const ranges = feasibleStarts(withExtraStops(day, placed), job, travel);
    const start = firstStartFrom(ranges, Math.max(earliest, job.window?.earliestStart ?? -Infinity));
    if (start === null || (job.window && start + durationMs > job.window.latestEnd)) {
      return { feasible: false, starts, travelMinutes: Infinity, travelKm: Infinity };
    }
    starts.push(start);
    placed.push({ id: job.id, start, end: start + durationMs, location: job.location, load: job.load ?? 1 });
    earliest = start + durationMs;
  }
  return { feasible: true, starts, ...dayTravel(day, placed, travel) };
}

/** Home base → every stop of the day in time order. */
export function dayTravel(day: DayContext, placed: readonly Stop[], travel: TravelModel): { travelMinutes: number; travelKm: number } {
  const stops = [...day.dayStops, ...placed].sort(compareStops);
  let from = day.resource.homeBase;
  let travelMinutes = 0;
  let travelKm = 0;
  for (const stop of stops) {
    const leg = travel.between(from, stop.location);
    travelMinutes += leg.minutes;
    travelKm += leg.km;
    from = stop.location;
  }
  return { travelMinutes, travelKm };
}

export function addedMinutes(route: Route): number {
  return route.seq.length === 0 ? 0 : route.timing.travelMinutes - route.baseMinutes;
}
