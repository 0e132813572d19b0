import type { DayContext } from '../day-context';
import { staticExclusion } from '../exclusion';
import type { SchedulingJob, TimeSpan, TravelModel, World } from '../types';
import { indexWorld } from '../world-index';
import { buildLocations } from './locations';
import type { Locations } from './locations';
import { scheduleRoute } from './route-timing';

/**
 * The batch problem compiled to flat arrays for the search: nodes (jobs, then per route its
 * start, its end and its fixed bookings), a travel matrix over the distinct locations, and
 * one route per technician-day that has working time. All times are whole epoch
 * milliseconds (visits and drives rounded up), so every sum is exact.
 */
export const enum NodeKind {
  Job = 0,
  Start = 1,
  End = 2,
  Fixed = 3,
}

export interface RouteSpec {
  day: DayContext;
  startNode: number;
  endNode: number;
  /** Existing bookings of the day, in time order: they stay in this route at their times. */
  fixed: number[];
  /** Working time of the day (working-time.ts). */
  pieces: TimeSpan[];
  /** One piece of working time holding every fixed booking: timed by concatenation in O(1) per move. */
  simple: boolean;
  maxLoad: number;
  maxJobs: number;
  returnHome: boolean;
  /** Time warp of the day with its existing bookings only (they may already break a rule; planned visits must not add to it). */
  baseTimeWarp: number;
}

export interface Problem {
  jobs: readonly SchedulingJob[];
  travel: TravelModel;
  nJobs: number;
  nNodes: number;
  kind: Uint8Array;
  loc: Int32Array;
  /** Visit length, earliest and latest start (ms); load. */
  service: Float64Array;
  early: Float64Array;
  late: Float64Array;
  load: Float64Array;
  locations: Locations;
  routes: RouteSpec[];
  routeOfNode: Int32Array;
  /** Per job, the routes whose technician passes territory and skills and whose day can hold it. */
  eligible: number[][];
  /** eligibleFlag[job * routes + route] */
  eligibleFlag: Uint8Array;
  /** More than any detour could cost: 4 × the longest drive + 100 minutes. */
  detourBound: number;
  /** Penalty for a job left out in the search's first phase: so large that every job in play is planned (search.ts). */
  unassignedPenalty: number;
}

const msPerMinute = 60_000;

export function compileProblem(jobs: readonly SchedulingJob[], world: World, days: readonly string[]): Problem {
  const index = indexWorld(world);
  const days0 = index.resources.flatMap((resource) => days.map((date) => index.dayContext(resource.id, date))).filter((d) => d.working.length > 0);
  const nJobs = jobs.length;
  const nNodes = nJobs + days0.reduce((n, d) => n + 2 + d.dayStops.length, 0);
  const kind = new Uint8Array(nNodes);
  const service = new Float64Array(nNodes);
  const early = new Float64Array(nNodes);
  const late = new Float64Array(nNodes);
  const load = new Float64Array(nNodes);
  const sites = new Array<{ lat: number; lng: number; id?: string } | null>(nNodes).fill(null);
  jobs.forEach((job, j) => {
    const duration = Math.ceil(job.durationMinutes * msPerMinute - 1e-6);
    service[j] = duration;
    early[j] = job.window ? Math.ceil(job.window.earliestStart) : -1e15;
    late[j] = job.window ? Math.floor(job.window.latestEnd) - duration : 1e15;
    load[j] = job.load ?? 1;
    sites[j] = job.location;
  });
  const routes: RouteSpec[] = [];
  let next = nJobs;
  for (const day of days0) {
    const span = { start: day.working[0]?.start ?? 0, end: day.working.at(-1)?.end ?? 0 };
    const startNode = next++;
    const endNode = next++;
    kind[startNode] = NodeKind.Start;
    kind[endNode] = NodeKind.End;
    early[startNode] = early[endNode] = span.start;
    late[startNode] = late[endNode] = span.end;
    sites[startNode] = day.resource.homeBase;
    sites[endNode] = day.resource.returnHome ? day.resource.homeBase : null;
    const fixed = day.dayStops.map((stop) => {
      const node = next++;
      kind[node] = NodeKind.Fixed;
      early[node] = late[node] = stop.start;
      service[node] = stop.end - stop.start;
      load[node] = stop.load;
      sites[node] = stop.location;
      return node;
    });
    const piece = day.working.length === 1 ? (day.working[0] as TimeSpan) : null;
    const cap = day.resource.dailyCapacity;
    routes.push({
      day,
      startNode,
      endNode,
      fixed,
      pieces: day.working,
      simple: piece !== null && day.dayStops.every((s) => s.start >= piece.start && s.end <= piece.end),
      maxLoad: cap?.maxLoad ?? Infinity,
      maxJobs: cap?.maxJobs ?? Infinity,
      returnHome: day.resource.returnHome === true,
      baseTimeWarp: 0,
    });
  }
  const locations = buildLocations(sites, index.travel);
  const partial = { kind, loc: locations.locOfNode, service, early, late, locations } as Problem;
  for (const route of routes) route.baseTimeWarp = scheduleRoute(partial, route, [route.startNode, ...route.fixed, route.endNode]).timeWarp;
  const routeOfNode = new Int32Array(nNodes).fill(-1);
  routes.forEach((r, i) => {
    routeOfNode[r.startNode] = routeOfNode[r.endNode] = i;
    for (const f of r.fixed) routeOfNode[f] = i;
  });
  const eligibleFlag = new Uint8Array(nJobs * routes.length);
  const eligible = jobs.map((job, j) =>
    routes.flatMap((route, r) => {
      if (staticExclusion(route.day.resource, job) || !dayCanHold(route, service[j] as number, early[j] as number, late[j] as number)) return [];
      eligibleFlag[j * routes.length + r] = 1;
      return [r];
    }),
  );
  return {
    jobs,
    travel: index.travel,
    nJobs,
    nNodes,
    kind,
    loc: locations.locOfNode,
    service,
    early,
    late,
    load,
    locations,
    routes,
    routeOfNode,
    eligible,
    eligibleFlag,
    detourBound: 4 * locations.maxCost + 100,
    unassignedPenalty: 1000 * (4 * locations.maxCost + 100),
  };
}

/** Whether some piece of working time holds the visit inside the job's window. */
function dayCanHold(route: RouteSpec, duration: number, early: number, late: number): boolean {
  return route.pieces.some((p) => Math.max(p.start, early) <= Math.min(p.end - duration, late));
}

export function isEligible(problem: Problem, job: number, route: number): boolean {
  return problem.eligibleFlag[job * problem.routes.length + route] === 1;
}
