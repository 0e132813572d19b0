import type { DayContext } from '../day-context';
import { compareStops } from '../day-context';
import { z } from 'zod';
import { checked, PlanBatchOptionsSchema, SchedulingJobSchema } from '../engine-options';
import { staticExclusion } from '../exclusion';
import type { SchedulingJob, World } from '../types';
import { indexWorld } from '../world-index';
import { descend, insertUnassigned, ruinAndRecreate } from './local-search';
import type { SearchLimits } from './local-search';
import { assignedCount, compareScores, restore, snapshot, totalAdded } from './plan-state';
import type { PlanState } from './plan-state';
import type { PlanBatchOptions, PlanResult, PlannedRoute, PlannedVisit, RouteStop } from './plan-types';
import { dayTravel } from './route-timing';
import type { Route } from './route-timing';
import { seededRandom } from '../../random/seeded-random';
import { unassignedReason } from './unassigned-reason';

const neighbourCount = 8;

/**
 * Assigns unscheduled jobs across technicians over the given days, minimising the travel the
 * new visits add, never breaking a rule of `match`. Existing bookings (pinned or not) stay
 * where they are. Greedy exact cheapest insertion first, then iterated local search (relocate, swap,
 * 2-opt, or-opt to a local optimum; then ruin-and-recreate and descend again, keeping the
 * best plan) until the budget or `maxRounds` is spent. Given the same
 * input, seed and `maxRounds`, the result is the same on every run.
 */
export function planBatch(jobs: readonly SchedulingJob[], world: World, options: PlanBatchOptions): PlanResult {
  checked(PlanBatchOptionsSchema, options, 'planner options');
  checked(z.object({ jobs: z.array(SchedulingJobSchema) }), { jobs }, 'jobs');
  const clock = options.clock ?? (() => Date.now());
  const started = clock();
  const state = initialState(jobs, world, options.days);
  const order = insertionOrder(state);
  const never: SearchLimits = { expired: () => false };
  insertUnassigned(state, order, never);
  const greedyMs = clock() - started;
  const greedy = { added: totalAdded(state), assigned: assignedCount(state) };
  const deadline = clock() + (options.budgetMs ?? 1000);
  const rounds = improve(state, order, { deadline, clock, seed: options.seed ?? 1, maxRounds: options.maxRounds });
  const result = buildResult(state, world);
  return {
    ...result,
    stats: { greedyAddedTravelMinutes: greedy.added, greedyAssigned: greedy.assigned, greedyMs, rounds, elapsedMs: clock() - started },
  };
}

function initialState(jobs: readonly SchedulingJob[], world: World, days: readonly string[]): PlanState {
  const index = indexWorld(world);
  const routes: Route[] = [];
  for (const resource of index.resources) {
    for (const date of days) {
      const day = index.dayContext(resource.id, date);
      if (day.shifts.length === 0) continue;
      const base = dayTravel(day, [], index.travel);
      routes.push({ day, seq: [], baseMinutes: base.travelMinutes, timing: { feasible: true, starts: [], ...base } });
    }
  }
  const eligible = jobs.map((job) =>
    routes.flatMap((route, i) => (!staticExclusion(route.day.resource, job) && windowMeetsDay(job, route.day) ? [i] : [])),
  );
  return { jobs, travel: index.travel, routes, routeOf: jobs.map(() => -1), eligible };
}

function windowMeetsDay(job: SchedulingJob, day: DayContext): boolean {
  if (!job.window) return true;
  const { earliestStart, latestEnd } = job.window;
  return day.shifts.some((s) => s.start < latestEnd && earliestStart < s.end);
}

/** Tightest first: promised windows by latest end, then jobs with fewer possible routes, then id. */
function insertionOrder(state: PlanState): number[] {
  return state.jobs
    .map((_, i) => i)
    .sort((a, b) => {
      const ja = state.jobs[a] as SchedulingJob;
      const jb = state.jobs[b] as SchedulingJob;
      const wa = ja.window?.latestEnd ?? Infinity;
      const wb = jb.window?.latestEnd ?? Infinity;
      if (wa !== wb) return wa - wb;
      const ea = state.eligible[a]?.length ?? 0;
      const eb = state.eligible[b]?.length ?? 0;
      return ea - eb || (ja.id < jb.id ? -1 : ja.id > jb.id ? 1 : 0);
    });
}

function nearestJobs(state: PlanState): number[][] {
  return state.jobs.map((job, a) =>
    state.jobs
      .map((other, b) => ({ b, minutes: a === b ? Infinity : state.travel.between(job.location, other.location).minutes }))
      .sort((x, y) => x.minutes - y.minutes || x.b - y.b)
      .slice(0, neighbourCount)
      .filter((x) => x.minutes !== Infinity)
      .map((x) => x.b),
  );
}

interface ImproveSettings {
  deadline: number;
  clock: () => number;
  seed: number;
  maxRounds: number | undefined;
}

/**
 * Iterated local search. Round 0 descends from the greedy plan to a local optimum; every
 * further round ruins and recreates part of the best plan found, descends again, and keeps
 * the result if it is no worse than the best (equal plans let the search cross plateaus).
 * Returns the number of rounds after the first descent. The state ends as the best plan.
 */
function improve(state: PlanState, order: number[], settings: ImproveSettings): number {
  const random = seededRandom(settings.seed).next;
  const neighbours = nearestJobs(state);
  let rounds = 0;
  const limits: SearchLimits = {
    expired: () => settings.clock() >= settings.deadline || (settings.maxRounds !== undefined && rounds >= settings.maxRounds),
  };
  if (limits.expired()) return rounds;
  descend(state, random, limits, neighbours, order);
  let best = snapshot(state);
  while (!limits.expired()) {
    ruinAndRecreate(state, random, order);
    descend(state, random, limits, neighbours, order);
    const current = snapshot(state);
    if (compareScores(current, best) <= 0) best = current;
    else restore(state, best);
    rounds++;
  }
  restore(state, best);
  return rounds;
}

function buildResult(state: PlanState, world: World): Omit<PlanResult, 'stats'> {
  const assignments: PlannedVisit[] = [];
  const routes: PlannedRoute[] = [];
  for (const route of state.routes) {
    if (route.seq.length === 0) continue;
    const planned = plannedRoute(state, route);
    routes.push(planned);
    for (const stop of planned.stops) {
      if (stop.kind !== 'planned') continue;
      const { id, ...rest } = stop;
      assignments.push({ jobId: id, resourceId: planned.resourceId, date: planned.date, start: rest.start, end: rest.end, travelMinutes: rest.travelMinutes, travelKm: rest.travelKm });
    }
  }
  const unassigned = state.jobs.flatMap((_, j) => (state.routeOf[j] === -1 ? [unassignedReason(state, j, world.resources)] : []));
  const totals = {
    assigned: assignments.length,
    unassigned: unassigned.length,
    travelMinutes: routes.reduce((s, r) => s + r.travelMinutes, 0),
    travelKm: routes.reduce((s, r) => s + r.travelKm, 0),
    addedTravelMinutes: totalAdded(state),
  };
  return { assignments, unassigned, routes, totals };
}

function plannedRoute(state: PlanState, route: Route): PlannedRoute {
  const plannedStops = route.seq.map((j, i) => {
    const job = state.jobs[j] as SchedulingJob;
    const start = route.timing.starts[i] as number;
    return { id: job.id, start, end: start + job.durationMinutes * 60_000, location: job.location, load: job.load ?? 1, kind: 'planned' as const };
  });
  const existing = route.day.dayStops.map((s) => ({ ...s, kind: 'existing' as const }));
  const timeline = [...existing, ...plannedStops].sort(compareStops);
  let from = route.day.resource.homeBase;
  const stops: RouteStop[] = timeline.map((s) => {
    const leg = state.travel.between(from, s.location);
    from = s.location;
    return { kind: s.kind, id: s.id, start: s.start, end: s.end, travelMinutes: leg.minutes, travelKm: leg.km };
  });
  return {
    resourceId: route.day.resource.id,
    date: route.day.date,
    stops,
    travelMinutes: stops.reduce((s, x) => s + x.travelMinutes, 0),
    travelKm: stops.reduce((s, x) => s + x.travelKm, 0),
  };
}
