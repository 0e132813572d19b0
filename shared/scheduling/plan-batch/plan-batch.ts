import { z } from 'zod';
import { checked, PlanBatchOptionsSchema, SchedulingJobSchema } from '../engine-options';
import type { SchedulingJob, World } from '../types';
import { Composer } from './composer';
import { greedy, tightestFirst } from './construct';
import { routesByHome } from './insertion';
import { granularNeighbours, nearestByCost } from './neighbours';
import { initialPenalties } from './penalties';
import type { PlanBatchOptions, PlanResult, UnassignedJob } from './plan-types';
import { plannedRoutes, totalsOf, visitsOf } from './plan-result';
import { compileProblem } from './problem';
import type { Problem } from './problem';
import { placeableJobs } from './fits-alone';
import { Absences } from './ruin-recreate';
import type { RecreateContext } from './ruin-recreate';
import { improve, restoreAll } from './search';
import { exactWork, solveExactly } from './exact';
import { searchSettings } from './search-settings';
import { Solution } from './solution';
import { unassignedReason } from './unassigned-reason';

/**
 * Assigns unscheduled jobs across technicians over the given days, minimising travel, never
 * breaking a rule of `match` (working time, time off, existing bookings, travel, capacity,
 * territory, skills, promised windows; the drive home when a technician returns home).
 * Existing bookings (pinned or not) stay where they are. A greedy start, then iterated local
 * search with ruin and recreate (search.ts) until the budget or `maxRounds` is spent; the
 * whole call keeps to `budgetMs`. Given the same input, seed and `maxRounds`, the result is
 * the same on every run.
 */
export function planBatch(jobs: readonly SchedulingJob[], world: World, options: PlanBatchOptions): PlanResult {
  checked(PlanBatchOptionsSchema, options, 'planner options');
  checked(z.object({ jobs: z.array(SchedulingJobSchema) }), { jobs }, 'jobs');
  const clock = options.clock ?? (() => Date.now());
  const started = clock();
  const deadline = started + (options.budgetMs ?? 1000);
  const problem = compileProblem(jobs, world, options.days);
  const s = new Solution(problem, initialPenalties(problem));
  const order = tightestFirst(problem);
  greedy(s, new Composer(s), order);
  const greedyMs = clock() - started;
  const greedyRoutes = plannedRoutes(problem, s);
  const greedyTotals = totalsOf(problem, s, greedyRoutes, s.unassignedCount());
  let rounds = 0;
  const context = searchContext(problem, order);
  // The search ends a little early so that building the result stays inside the budget, also
  // on a loaded machine where that takes several times longer (measured: up to 80 ms at 2 s).
  const searchDeadline = deadline - Math.min(searchSettings.resultReserveMs, searchSettings.resultReserveShare * (deadline - started));
  let solvedExactly = false;
  if (clock() < searchDeadline && context.inPlay.includes(1)) {
    solvedExactly = trySmallExactly(s, () => clock() >= searchDeadline);
    if (!solvedExactly) rounds = improve(s, context, { clock, deadline: searchDeadline, startedAt: started, maxRounds: options.maxRounds, seed: options.seed ?? 1 }).rounds;
  }
  const routes = plannedRoutes(problem, s);
  const unassigned: UnassignedJob[] = [];
  for (let j = 0; j < problem.nJobs; j++) if (s.routeOf[j] === -1) unassigned.push(unassignedReason(problem, s, j, world.resources));
  return {
    assignments: visitsOf(routes),
    unassigned,
    routes,
    totals: totalsOf(problem, s, routes, unassigned.length),
    stats: {
      greedyAddedTravelMinutes: greedyTotals.addedTravelMinutes,
      greedyAssigned: greedyTotals.assigned,
      greedyTravelMinutes: greedyTotals.travelMinutes,
      greedyTravelKm: greedyTotals.travelKm,
      greedyMs,
      rounds,
      solvedExactly,
      elapsedMs: clock() - started,
    },
  };
}

/** A small batch planned by trying every split and order (exact.ts); false when it is too large or the budget ends first. */
function trySmallExactly(s: Solution, expired: () => boolean): boolean {
  // Every job some technician-day may take, also one that fits only beside another visit.
  const jobs: number[] = [];
  for (let j = 0; j < s.problem.nJobs; j++) if ((s.problem.eligible[j]?.length ?? 0) > 0) jobs.push(j);
  if (jobs.length > searchSettings.exactMaxJobs || exactWork(s.problem, jobs) > searchSettings.exactMaxWork) return false;
  const plan = solveExactly(s, jobs, expired);
  if (!plan) return false;
  restoreAll(s, plan.routes);
  return true;
}

/** What the search works with: the jobs in play (those that fit somewhere on their own), neighbour lists and absence counts. */
function searchContext(problem: Problem, order: number[]): RecreateContext {
  const inPlay = new Uint8Array(problem.nJobs);
  for (const j of placeableJobs(problem)) inPlay[j] = 1;
  return {
    absences: new Absences(problem.nJobs),
    inPlay,
    neighbours: granularNeighbours(problem, searchSettings.granularSize),
    nearest: nearestByCost(problem, searchSettings.ruinReach),
    routesByHome: routesByHome(problem),
    tightOrder: order,
  };
}
