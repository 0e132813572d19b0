import { bookedMinutes, nextStop, previousStop } from './day-context';
import type { DayContext, Stop } from './day-context';
import { capacityExclusion, jobLoad, staticExclusion } from './exclusion';
import type { Exclusion } from './exclusion';
import { formatClock, localDateOf } from './local-time';
import { travelMs } from './travel-model';
import type { SchedulingJob, SchedulingResource, TravelEstimate, World } from './types';
import { indexWorld } from './world-index';
import type { WorldIndex } from './world-index';

/** Where the technician drives from to reach the visit. */
export interface Origin {
  kind: 'home' | 'booking';
  /** Booking id when `kind` is 'booking'. */
  bookingId?: string;
  travel: TravelEstimate;
}

export type MatchResult =
  | { resourceId: string; matches: true; start: number; origin: Origin; bookedMinutesThatDay: number }
  | { resourceId: string; matches: false; start: number; exclusion: Exclusion; origin: Origin | null };

/**
 * Which technicians can take `job` starting at `start` (epoch ms). One result per technician,
 * in the World's order; a non-matching one carries the first rule that excluded it.
 *
 * Rule on the way home: the drive from home base to the first visit must fit inside working
 * hours (start − travel ≥ shift start), but the drive home after the last visit need not:
 * the visit itself must end by shift end and the commute home is the technician's own time.
 * This mirrors how the morning leg is counted as work and keeps the last slot of the day usable.
 *
 * Rule on time off: a drive may happen right after the stop it leaves or right before the
 * stop it reaches, so both placements of each leg around the visit must be clear of time off.
 */
export function match(job: SchedulingJob, world: World, start: number): MatchResult[] {
  const index = indexWorld(world);
  return index.resources.map((resource) => matchResource(index, resource, job, start));
}

export function matchResource(
  index: WorldIndex,
  resource: SchedulingResource,
  job: SchedulingJob,
  start: number,
): MatchResult {
  const day = index.dayContext(resource.id, localDateOf(start, resource.timeZone));
  return matchOnDay(day, job, start, index);
}

/** Checks every rule for a visit at `start` on a prepared day, in a fixed order. */
export function matchOnDay(day: DayContext, job: SchedulingJob, start: number, index: Pick<WorldIndex, 'travel'>): MatchResult {
  const resourceId = day.resource.id;
  const end = start + job.durationMinutes * 60_000;
  const prev = previousStop(day.dayStops, start);
  const next = nextStop(day.dayStops, end);
  const origin = originOf(day, prev, job, index);
  const exclusion = staticExclusion(day.resource, job) ?? timedExclusion(day, job, start, end, prev, next, origin, index);
  if (exclusion) return { resourceId, matches: false, start, exclusion, origin };
  return { resourceId, matches: true, start, origin, bookedMinutesThatDay: bookedMinutes(day.dayStops) };
}

function originOf(day: DayContext, prev: Stop | null, job: SchedulingJob, index: Pick<WorldIndex, 'travel'>): Origin {
  const from = prev ? prev.location : day.resource.homeBase;
  const travel = index.travel.between(from, job.location);
  return prev ? { kind: 'booking', bookingId: prev.id, travel } : { kind: 'home', travel };
}

function timedExclusion(
  day: DayContext,
  job: SchedulingJob,
  start: number,
  end: number,
  prev: Stop | null,
  next: Stop | null,
  origin: Origin,
  index: Pick<WorldIndex, 'travel'>,
): Exclusion | null {
  const zone = day.resource.timeZone;
  const clock = (t: number) => formatClock(t, zone);
  const shift = day.shifts.find((s) => s.start <= start && end <= s.end);
  if (!shift) {
    return { code: 'working_hours', message: `${clock(start)}–${clock(end)} is outside working hours on ${day.date} (${zone})` };
  }
  const travelIn = travelMs(origin.travel);
  const travelOut = next ? travelMs(index.travel.between(job.location, next.location)) : 0;
  const off = day.timeOff.find((t) => t.start < end + travelOut && start - travelIn < t.end);
  if (off) {
    const what = off.start < end && start < off.end ? 'the visit' : 'travel around the visit';
    return { code: 'time_off', message: `${what} overlaps time off ${clock(off.start)}–${clock(off.end)}` };
  }
  const legOff = day.timeOff.find(
    (t) => (prev && t.start < prev.end + travelIn && prev.end < t.end) || (next && t.start < next.start && next.start - travelOut < t.end),
  );
  if (legOff) {
    return { code: 'time_off', message: `the drive from or to a neighbouring booking overlaps time off ${clock(legOff.start)}–${clock(legOff.end)}` };
  }
  const clash = day.busy.find((b) => b.start < end && start < b.end);
  if (clash) return { code: 'overlap', message: `overlaps booking ${clash.id} (${clock(clash.start)}–${clock(clash.end)})` };
  const minutesIn = Math.ceil(origin.travel.minutes);
  if (prev && prev.end + travelIn > start) {
    return { code: 'travel_before', message: `needs ${minutesIn} min from booking ${prev.id} ending ${clock(prev.end)}` };
  }
  if (!prev && start - travelIn < shift.start) {
    return { code: 'travel_before', message: `needs ${minutesIn} min from home base but the shift starts at ${clock(shift.start)}` };
  }
  if (next && end + travelOut > next.start) {
    const minutesOut = Math.ceil(travelOut / 60_000);
    return { code: 'travel_after', message: `needs ${minutesOut} min to reach booking ${next.id} at ${clock(next.start)}` };
  }
  return capacityExclusion(day.resource, day.date, day.dayStops, jobLoad(job));
}
