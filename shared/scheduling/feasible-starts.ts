import { nextStop, previousStop } from './day-context';
import type { DayContext, Stop } from './day-context';
import { capacityExclusion, jobLoad } from './exclusion';
import { removeOpenRange } from './intervals';
import type { StartRange } from './intervals';
import { travelMs } from './travel-model';
import type { SchedulingJob, TravelModel } from './types';

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
 * Every start instant at which the technician of `day` can do `job`, as closed ranges: the
 * whole visit inside one shift, no overlap, travel from the previous site (or from home
 * base, inside the shift) and to the next site, travel and visit clear of time off, and
 * daily capacity. Territory, skills, the job's window, notice and horizon are the caller's.
 *
 * Within one free gap the previous and next sites are fixed, so each gap yields one range
 * computed in O(stops) — no rescanning per candidate start.
 */
export function feasibleStarts(day: DayContext, job: SchedulingJob, travel: TravelModel): StartRange[] {
  if (capacityExclusion(day.resource, day.date, day.dayStops, jobLoad(job))) return [];
  const durationMs = job.durationMinutes * 60_000;
  const ranges: StartRange[] = [];
  const gaps = freeGaps(day.busy);
  for (const shift of day.shifts) {
    for (const gap of gaps) {
      if (gap.to - durationMs < shift.start || gap.from > shift.end - durationMs) continue;
      ranges.push(...rangesInGap(day, job, travel, shift, gap, durationMs));
    }
  }
  return ranges;
}

function rangesInGap(
  day: DayContext,
  job: SchedulingJob,
  travel: TravelModel,
  shift: { start: number; end: number },
  gap: Gap,
  durationMs: number,
): StartRange[] {
  const prev = previousStop(day.dayStops, gap.from);
  const next = nextStop(day.dayStops, gap.to);
  const travelIn = travelMs(travel.between(prev ? prev.location : day.resource.homeBase, job.location));
  const travelOut = next ? travelMs(travel.between(job.location, next.location)) : 0;
  const lo = Math.max(shift.start, gap.from, prev ? prev.end + travelIn : shift.start + travelIn);
  const hi = Math.min(
    shift.end - durationMs,
    gap.to - durationMs,
    next ? next.start - durationMs - travelOut : Infinity,
  );
  if (lo > hi) return [];
  // The legs are also checked at the neighbours' side (right after prev, right before next),
  // so that every stop of the final day passes the same rule: see match.ts.
  if (prev && overlapsTimeOff(day, prev.end, prev.end + travelIn)) return [];
  if (next && overlapsTimeOff(day, next.start - travelOut, next.start)) return [];
  let ranges: StartRange[] = [{ lo, hi }];
  for (const off of day.timeOff) {
    // Busy from leaving for the visit until arriving at the next site: [s - in, s + d + out).
    ranges = removeOpenRange(ranges, off.start - durationMs - travelOut, off.end + travelIn);
  }
  return ranges;
}

function overlapsTimeOff(day: DayContext, from: number, to: number): boolean {
  return day.timeOff.some((t) => t.start < to && from < t.end);
}
