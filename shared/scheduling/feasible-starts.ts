import { nextStop, previousStop } from './day-context';
import type { DayContext, Stop } from './day-context';
import { capacityExclusion, jobLoad } from './exclusion';
import type { StartRange } from './intervals';
import { travelMs } from './travel-model';
import type { SchedulingJob, TravelModel } from './types';
import { earliestArrival, latestDeparture } from './working-time';

interface Gap {
  from: number;
  to: number;
}

/** Free gaps between the busy stops (which may overlap each other), from -∞ to +∞. */
function freeGaps(busy: readonly Stop[]): Gap[] {
  const gaps: Gap[] = [];
  let cursor = -Infinity;
  for (const stop of busy) {
    if (stop.start > cursor) gaps.push({ from: cursor, to: stop.start });
    cursor = Math.max(cursor, stop.end);
  }
  gaps.push({ from: cursor, to: Infinity });
  return gaps;
}

/**
 * Every start instant at which the technician of `day` can do `job`, as sorted closed ranges:
 * the visit inside one piece of working time, no overlap, the drive from the previous site
 * (or home base) and to the next site (or home, for a technician who returns home) each in
 * one piece of working time (working-time.ts), and daily capacity. Territory, skills, the
 * job's window, notice and horizon are the caller's.
 *
 * Within one free gap the previous and next sites are fixed, so each gap and piece yields one
 * range computed in O(stops) — no rescanning per candidate start.
 */
export function feasibleStarts(day: DayContext, job: SchedulingJob, travel: TravelModel): StartRange[] {
  if (capacityExclusion(day.resource, day.date, day.dayStops, jobLoad(job))) return [];
  const durationMs = job.durationMinutes * 60_000;
  const ranges: StartRange[] = [];
  for (const gap of freeGaps(day.busy)) {
    const prev = previousStop(day.dayStops, gap.from);
    const next = nextStop(day.dayStops, gap.to);
    const arrive = earliestArrival(day.working, prev ? prev.end : -Infinity, travelMs(travel.between(prev ? prev.location : day.resource.homeBase, job.location)));
    const leave = leaveBy(day, job, next, travel);
    for (const piece of day.working) {
      const lo = Math.max(piece.start, gap.from, arrive);
      const hi = Math.min(piece.end, gap.to, leave) - durationMs;
      if (lo <= hi) ranges.push({ lo, hi });
    }
  }
  return ranges;
}

/** Latest end of the visit that still leaves time to drive on: to the next stop, home, or (no return home) no limit. */
function leaveBy(day: DayContext, job: SchedulingJob, next: Stop | null, travel: TravelModel): number {
  if (next) return latestDeparture(day.working, next.start, travelMs(travel.between(job.location, next.location)));
  if (day.resource.returnHome) return latestDeparture(day.working, Infinity, travelMs(travel.between(job.location, day.resource.homeBase)));
  return Infinity;
}
