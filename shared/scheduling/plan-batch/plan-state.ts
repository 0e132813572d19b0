import type { SchedulingJob, TravelModel } from '../types';
import { addedMinutes, timeRoute } from './route-timing';
import type { Route, Timing } from './route-timing';

/** The planner's working state: routes, where each job sits, and which routes may take it. */
export interface PlanState {
  jobs: readonly SchedulingJob[];
  travel: TravelModel;
  routes: Route[];
  /** Route index per job, -1 when unassigned. */
  routeOf: number[];
  /** Routes whose technician passes territory and skills and whose day meets the job's window. */
  eligible: number[][];
}

export const improvementEpsilon = 1e-6;

export function retime(state: PlanState, routeIndex: number, seq: readonly number[]): Timing {
  const route = state.routes[routeIndex] as Route;
  return timeRoute(route.day, seq, state.jobs, state.travel);
}

/** Added travel of a route if it had `timing` (with a non-empty seq) or nothing. */
export function addedFor(route: Route, seqLength: number, timing: Timing): number {
  return seqLength === 0 ? 0 : timing.travelMinutes - route.baseMinutes;
}

/**
 * Added travel of a sequence on a day without fixed bookings, without timing it: home base →
 * every job in order, summed like `dayTravel` sums it (so the same number). Null on a day
 * with fixed bookings, whose stops interleave by time. Says nothing about feasibility.
 */
export function untimedAdded(state: PlanState, routeIndex: number, seq: readonly number[]): number | null {
  const route = state.routes[routeIndex] as Route;
  if (route.day.dayStops.length > 0) return null;
  let from = route.day.resource.homeBase;
  let minutes = 0;
  for (const j of seq) {
    const site = (state.jobs[j] as SchedulingJob).location;
    minutes += state.travel.between(from, site).minutes;
    from = site;
  }
  return seq.length === 0 ? 0 : minutes - route.baseMinutes;
}

export function applySeq(state: PlanState, routeIndex: number, seq: number[], timing: Timing): void {
  const route = state.routes[routeIndex] as Route;
  for (const j of route.seq) if (state.routeOf[j] === routeIndex) state.routeOf[j] = -1;
  route.seq = seq;
  route.timing = timing;
  for (const j of seq) state.routeOf[j] = routeIndex;
}

export function totalAdded(state: PlanState): number {
  return state.routes.reduce((sum, r) => sum + addedMinutes(r), 0);
}

export function assignedCount(state: PlanState): number {
  return state.routeOf.filter((r) => r >= 0).length;
}

export function removeAt<T>(items: readonly T[], position: number): T[] {
  return [...items.slice(0, position), ...items.slice(position + 1)];
}

export function insertAt<T>(items: readonly T[], position: number, item: T): T[] {
  return [...items.slice(0, position), item, ...items.slice(position)];
}

/** The mutable part of a plan state, for keeping the best plan found and going back to it. */
export interface Snapshot {
  routeOf: number[];
  routes: { seq: number[]; timing: Timing }[];
  assigned: number;
  added: number;
}

export function snapshot(state: PlanState): Snapshot {
  return {
    routeOf: [...state.routeOf],
    routes: state.routes.map((r) => ({ seq: r.seq, timing: r.timing })),
    assigned: assignedCount(state),
    added: totalAdded(state),
  };
}

export function restore(state: PlanState, saved: Snapshot): void {
  state.routeOf = [...saved.routeOf];
  state.routes.forEach((r, i) => {
    const s = saved.routes[i];
    if (s) {
      r.seq = s.seq;
      r.timing = s.timing;
    }
  });
}

/** Plan order: more jobs assigned first, then less added travel. Negative when `a` is better. */
export function compareScores(a: { assigned: number; added: number }, b: { assigned: number; added: number }): number {
  if (a.assigned !== b.assigned) return b.assigned - a.assigned;
  if (Math.abs(a.added - b.added) <= improvementEpsilon) return 0;
  return a.added - b.added;
}
