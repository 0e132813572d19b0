import { bookedMinutes, nextStop, previousStop } from './day-context';
import type { DayContext, Stop } from './day-context';
import { checked, InstantSchema, SchedulingJobSchema } from './engine-options';
import { capacityExclusion, jobLoad, staticExclusion } from './exclusion';
import type { Exclusion } from './exclusion';
import { formatClock } from './local-time';
import { earliestArrival, latestDeparture } from './working-time';
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
 * The time rules (working-time.ts): the visit lies inside working time (the shifts of the
 * working day it belongs to, minus time off); every drive is made in one go inside working
 * time — from home base or the previous stop of that working day to the visit, from the
 * visit to the next stop and, for a technician who returns home, from the last visit home.
 * Without `returnHome` the drive home after the last visit is the technician's own time.
 */
export function match(job: SchedulingJob, world: World, start: number): MatchResult[] {
  checked(SchedulingJobSchema, job, 'job');
  checked(InstantSchema, start, 'start');
  const index = indexWorld(world);
  return index.resources.map((resource) => matchResource(index, resource, job, start));
}

export function matchResource(
  index: WorldIndex,
  resource: SchedulingResource,
  job: SchedulingJob,
  start: number,
): MatchResult {
  const day = index.workDay(resource, start);
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
  const clock = (t: number) => formatClock(t, day.resource.timeZone);
  const shift = day.shifts.find((s) => s.start <= start && end <= s.end);
  if (!shift) {
    return { code: 'working_hours', message: `${clock(start)}–${clock(end)} is outside working hours on ${day.date} (${day.resource.timeZone})` };
  }
  const off = day.timeOff.find((t) => t.start < end && start < t.end);
  if (off) return { code: 'time_off', message: `the visit overlaps time off ${clock(off.start)}–${clock(off.end)}` };
  const clash = day.busy.find((b) => b.start < end && start < b.end);
  if (clash) return { code: 'overlap', message: `overlaps booking ${clash.id} (${clock(clash.start)}–${clock(clash.end)})` };
  return driveIn(day, start, prev, origin, clock) ?? driveOut(day, job, end, next, index, clock) ?? capacityExclusion(day.resource, day.date, day.dayStops, jobLoad(job));
}

type Clock = (t: number) => string;

/** The drive to the visit, in one go inside working time, after the previous stop (or from home base). */
function driveIn(day: DayContext, start: number, prev: Stop | null, origin: Origin, clock: Clock): Exclusion | null {
  const travel = travelMs(origin.travel);
  const depart = prev ? prev.end : -Infinity;
  if (earliestArrival(day.working, depart, travel) <= start) return null;
  const from = prev ? `booking ${prev.id} ending ${clock(prev.end)}` : 'home base';
  const minutes = Math.ceil(origin.travel.minutes);
  const off = earliestArrival(day.shifts, depart, travel) <= start ? offBetween(day, prev ? prev.end : -Infinity, start) : null;
  if (off) return { code: 'time_off', message: `the ${minutes}-min drive from ${from} does not fit around time off ${clock(off.start)}–${clock(off.end)}` };
  if (!prev) return { code: 'travel_before', message: `needs ${minutes} min from home base inside working hours (shift from ${clock(day.shifts[0]?.start ?? start)})` };
  return { code: 'travel_before', message: `needs ${minutes} min from ${from}, driven inside working hours` };
}

/** The drive on from the visit, in one go inside working time: to the next stop, or home for a technician who returns home. */
function driveOut(day: DayContext, job: SchedulingJob, end: number, next: Stop | null, index: Pick<WorldIndex, 'travel'>, clock: Clock): Exclusion | null {
  if (!next && !day.resource.returnHome) return null;
  const leg = index.travel.between(job.location, next ? next.location : day.resource.homeBase);
  const travel = travelMs(leg);
  const arriveBy = next ? next.start : Infinity;
  if (latestDeparture(day.working, arriveBy, travel) >= end) return null;
  const to = next ? `booking ${next.id} at ${clock(next.start)}` : `home base by the end of the shift at ${clock(day.shifts.at(-1)?.end ?? end)}`;
  const minutes = Math.ceil(leg.minutes);
  const off = latestDeparture(day.shifts, arriveBy, travel) >= end ? offBetween(day, end, arriveBy) : null;
  if (off) return { code: 'time_off', message: `the ${minutes}-min drive to ${to} does not fit around time off ${clock(off.start)}–${clock(off.end)}` };
  return { code: 'travel_after', message: `needs ${minutes} min to reach ${to}, driven inside working hours` };
}

function offBetween(day: DayContext, from: number, to: number) {
  return day.timeOff.find((t) => t.start < to && from < t.end) ?? null;
}
