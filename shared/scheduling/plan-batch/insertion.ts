import type { Route, Timing } from './route-timing';
import { addedFor, insertAt, retime } from './plan-state';
import type { PlanState } from './plan-state';

export interface Insertion {
  routeIndex: number;
  seq: number[];
  timing: Timing;
  /** Change in added travel (minutes) if applied. */
  delta: number;
}

/** How many positions to time exactly, cheapest estimate first, and how many feasible ones to compare. */
const maxTimed = 40;
const maxFeasible = 4;

/**
 * Cheapest feasible insertion of a job: every position of every eligible route is estimated
 * by its detour (ignoring fixed bookings, cheap), then the best few are timed exactly.
 * `seqOverride` lets relocate try a route as it would be with the job removed.
 */
export function bestInsertion(state: PlanState, job: number, seqOverride?: { routeIndex: number; seq: number[] }): Insertion | null {
  const estimates: { routeIndex: number; position: number; detour: number }[] = [];
  for (const routeIndex of state.eligible[job] ?? []) {
    const seq = seqOverride?.routeIndex === routeIndex ? seqOverride.seq : (state.routes[routeIndex] as Route).seq;
    for (let position = 0; position <= seq.length; position++) {
      estimates.push({ routeIndex, position, detour: detour(state, routeIndex, seq, position, job) });
    }
  }
  estimates.sort((a, b) => a.detour - b.detour || a.routeIndex - b.routeIndex || a.position - b.position);
  let best: Insertion | null = null;
  let feasibleFound = 0;
  const addedBefore = new Map<number, number>();
  const currentAdded = (routeIndex: number, before: number[]): number => {
    const known = addedBefore.get(routeIndex);
    if (known !== undefined) return known;
    const route = state.routes[routeIndex] as Route;
    const timing = before === route.seq ? route.timing : retime(state, routeIndex, before);
    const added = addedFor(route, before.length, timing);
    addedBefore.set(routeIndex, added);
    return added;
  };
  for (const e of estimates.slice(0, maxTimed)) {
    const route = state.routes[e.routeIndex] as Route;
    const before = seqOverride?.routeIndex === e.routeIndex ? seqOverride.seq : route.seq;
    const seq = insertAt(before, e.position, job);
    const timing = retime(state, e.routeIndex, seq);
    if (!timing.feasible) continue;
    const delta = addedFor(route, seq.length, timing) - currentAdded(e.routeIndex, before);
    if (!best || delta < best.delta) best = { routeIndex: e.routeIndex, seq, timing, delta };
    if (++feasibleFound >= maxFeasible) break;
  }
  return best;
}

function detour(state: PlanState, routeIndex: number, seq: readonly number[], position: number, job: number): number {
  const route = state.routes[routeIndex] as Route;
  const at = (i: number) => state.jobs[seq[i] as number]?.location;
  const prev = position === 0 ? route.day.resource.homeBase : at(position - 1);
  const next = position < seq.length ? at(position) : undefined;
  const site = state.jobs[job]?.location;
  if (!prev || !site) return Infinity;
  const into = state.travel.between(prev, site).minutes;
  if (!next) return into;
  return into + state.travel.between(site, next).minutes - state.travel.between(prev, next).minutes;
}
