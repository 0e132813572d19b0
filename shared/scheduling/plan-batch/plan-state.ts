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
