import { CandidateTimeSchema, checked, SchedulingJobSchema } from './engine-options';
import { capacityExclusion, jobLoad, staticExclusion } from './exclusion';
import type { Exclusion } from './exclusion';
import { resourceRanges } from './free-slots';
import { firstStartFrom } from './intervals';
import { addDays, localDatesTouching, startOfLocalDay } from './local-time';
import { matchResource } from './match';
import type { Origin } from './match';
import type { SchedulingJob, SchedulingResource, World } from './types';
import { indexWorld } from './world-index';
import type { WorldIndex } from './world-index';

/** When to look: at one instant, over one local date in the job's zone, or over [from, to). */
export type CandidateTime = { at: number } | { day: string } | { from: number; to: number };

export interface RankedCandidate {
  resourceId: string;
  resourceName: string;
  matches: boolean;
  /** 1-based rank among matching technicians; null when excluded. */
  rank: number | null;
  /** The start checked (at-mode) or the earliest feasible start (day/span mode); null when none. */
  start: number | null;
  /** Drive to the site from the previous booking's site that day or from home base. */
  origin: Origin | null;
  bookedMinutesThatDay: number | null;
  exclusion: Exclusion | null;
}

/**
 * Travel distances are compared at 10 m resolution: two candidates within the same 10 m are
 * "the same distance" and the lighter day, then the resource id, decides.
 */
export function distanceKey(km: number): number {
  return Math.round(km * 100);
}

/** Ranking order: shortest travel, then fewer booked minutes that day, then resource id. */
export function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  const ka = distanceKey(a.origin?.travel.km ?? Infinity);
  const kb = distanceKey(b.origin?.travel.km ?? Infinity);
  if (ka !== kb) return ka - kb;
  const la = a.bookedMinutesThatDay ?? 0;
  const lb = b.bookedMinutesThatDay ?? 0;
  if (la !== lb) return la - lb;
  return a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0;
}

/**
 * Every technician for a job, matching ones first in assignment order, then the excluded
 * ones (World order) with their rule. Used by autoAssign and by dispatchers' overrides.
 * In at-mode the job's promised window is not applied (the dispatcher chose the time); in
 * day/span mode the search is clipped to the window.
 */
export function rankCandidates(job: SchedulingJob, world: World, when: CandidateTime): RankedCandidate[] {
  checked(SchedulingJobSchema, job, 'job');
  checked(CandidateTimeSchema, when, 'candidate time');
  const index = indexWorld(world);
  const evaluated = index.resources.map((r) => ('at' in when ? atTime(index, r, job, when.at) : overSpan(index, r, job, spanOf(job, when))));
  const matching = evaluated.filter((c) => c.matches).sort(compareCandidates);
  matching.forEach((c, i) => (c.rank = i + 1));
  return [...matching, ...evaluated.filter((c) => !c.matches)];
}

function spanOf(job: SchedulingJob, when: { day: string } | { from: number; to: number }): { from: number; to: number } {
  const span =
    'day' in when
      ? { from: startOfLocalDay(when.day, job.timeZone), to: startOfLocalDay(addDays(when.day, 1), job.timeZone) }
      : { from: when.from, to: when.to };
  if (!job.window) return span;
  return { from: Math.max(span.from, job.window.earliestStart), to: Math.min(span.to, job.window.latestEnd - job.durationMinutes * 60_000 + 1) };
}

function atTime(index: WorldIndex, resource: SchedulingResource, job: SchedulingJob, at: number): RankedCandidate {
  const result = matchResource(index, resource, job, at);
  return {
    resourceId: resource.id,
    resourceName: resource.name,
    matches: result.matches,
    rank: null,
    start: at,
    origin: result.origin,
    bookedMinutesThatDay: result.matches ? result.bookedMinutesThatDay : null,
    exclusion: result.matches ? null : result.exclusion,
  };
}

/** The technician's earliest feasible start in [from, to), judged like atTime at that start. */
function overSpan(index: WorldIndex, resource: SchedulingResource, job: SchedulingJob, span: { from: number; to: number }): RankedCandidate {
  const excluded = (exclusion: Exclusion): RankedCandidate => ({
    resourceId: resource.id,
    resourceName: resource.name,
    matches: false,
    rank: null,
    start: null,
    origin: null,
    bookedMinutesThatDay: null,
    exclusion,
  });
  const fixed = staticExclusion(resource, job);
  if (fixed) return excluded(fixed);
  if (span.from >= span.to) return excluded({ code: 'no_free_time', message: 'the requested span is empty' });
  const first = firstStartFrom(resourceRanges(index, resource, job, span.from, span.to - 1), span.from);
  if (first === null) return excluded(whyNoTime(index, resource, job, span));
  return atTime(index, resource, job, first);
}

/** The most telling reason a technician has no start in a span. */
function whyNoTime(index: WorldIndex, resource: SchedulingResource, job: SchedulingJob, span: { from: number; to: number }): Exclusion {
  const dates = localDatesTouching(span.from, span.to, resource.timeZone);
  if (index.dayContext(resource.id, dates[0] as string).ownStart > span.from) dates.unshift(addDays(dates[0] as string, -1)); // its night reaches into the span
  const days = dates.map((d) => index.dayContext(resource.id, d));
  const working = days.filter((d) => d.shifts.some((s) => s.start < span.to && s.end > span.from));
  if (working.length === 0) return { code: 'working_hours', message: 'does not work in the requested time' };
  const full = working.map((d) => capacityExclusion(resource, d.date, d.dayStops, jobLoad(job)));
  if (full.every((e) => e !== null)) return full[0] as Exclusion;
  return { code: 'no_free_time', message: `has no free ${job.durationMinutes}-minute gap (with travel) in the requested time` };
}
