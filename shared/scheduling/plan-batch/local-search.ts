import { bestInsertion } from './insertion';
import { addedFor, applySeq, improvementEpsilon, removeAt, retime } from './plan-state';
import type { PlanState } from './plan-state';
import type { Route } from './route-timing';
import { shuffled } from './seeded-random';

/** Stops a search when the time budget or the round cap is spent. */
export interface SearchLimits {
  expired(): boolean;
}

/** Relocate: move one job to its cheapest feasible place anywhere (its own route included). */
export function relocatePass(state: PlanState, random: () => number, limits: SearchLimits): boolean {
  let improved = false;
  for (const job of shuffled(assignedJobs(state), random)) {
    if (limits.expired()) break;
    const from = state.routeOf[job] as number;
    const route = state.routes[from] as Route;
    const without = removeAt(route.seq, route.seq.indexOf(job));
    const timingWithout = retime(state, from, without);
    if (!timingWithout.feasible) continue;
    const gain = addedFor(route, route.seq.length, route.timing) - addedFor(route, without.length, timingWithout);
    const target = bestInsertion(state, job, { routeIndex: from, seq: without });
    if (!target || target.delta >= gain - improvementEpsilon) continue;
    if (target.routeIndex !== from) applySeq(state, from, without, timingWithout);
    applySeq(state, target.routeIndex, target.seq, target.timing);
    improved = true;
  }
  return improved;
}

/** Swap: exchange a job with one of its nearest jobs on another route. */
export function swapPass(state: PlanState, random: () => number, limits: SearchLimits, neighbours: number[][]): boolean {
  let improved = false;
  for (const a of shuffled(assignedJobs(state), random)) {
    for (const b of neighbours[a] ?? []) {
      if (limits.expired()) return improved;
      const ra = state.routeOf[a] as number;
      const rb = state.routeOf[b] as number;
      if (ra < 0 || rb < 0 || ra === rb) continue;
      if (!(state.eligible[a] ?? []).includes(rb) || !(state.eligible[b] ?? []).includes(ra)) continue;
      if (trySwap(state, a, b, ra, rb)) {
        improved = true;
        break;
      }
    }
  }
  return improved;
}

function trySwap(state: PlanState, a: number, b: number, ra: number, rb: number): boolean {
  const routeA = state.routes[ra] as Route;
  const routeB = state.routes[rb] as Route;
  const seqA = routeA.seq.map((j) => (j === a ? b : j));
  const seqB = routeB.seq.map((j) => (j === b ? a : j));
  const timingA = retime(state, ra, seqA);
  if (!timingA.feasible) return false;
  const timingB = retime(state, rb, seqB);
  if (!timingB.feasible) return false;
  const before = addedFor(routeA, routeA.seq.length, routeA.timing) + addedFor(routeB, routeB.seq.length, routeB.timing);
  const after = addedFor(routeA, seqA.length, timingA) + addedFor(routeB, seqB.length, timingB);
  if (after >= before - improvementEpsilon) return false;
  applySeq(state, ra, seqA, timingA);
  applySeq(state, rb, seqB, timingB);
  return true;
}

/** 2-opt (reverse a segment) and or-opt (move a segment of 1–3 jobs) inside each route. */
export function intraRoutePass(state: PlanState, random: () => number, limits: SearchLimits): boolean {
  let improved = false;
  const order = shuffled(state.routes.map((_, i) => i), random);
  for (const routeIndex of order) {
    if (limits.expired()) break;
    while (improveRoute(state, routeIndex, limits)) improved = true;
  }
  return improved;
}

function improveRoute(state: PlanState, routeIndex: number, limits: SearchLimits): boolean {
  const route = state.routes[routeIndex] as Route;
  const current = addedFor(route, route.seq.length, route.timing);
  for (const seq of intraRouteVariants(route.seq)) {
    if (limits.expired()) return false;
    const timing = retime(state, routeIndex, seq);
    if (timing.feasible && addedFor(route, seq.length, timing) < current - improvementEpsilon) {
      applySeq(state, routeIndex, seq, timing);
      return true;
    }
  }
  return false;
}

function* intraRouteVariants(seq: readonly number[]): Generator<number[]> {
  const n = seq.length;
  for (let i = 0; i < n - 1; i++) {
    for (let k = i + 1; k < n; k++) {
      yield [...seq.slice(0, i), ...seq.slice(i, k + 1).reverse(), ...seq.slice(k + 1)];
    }
  }
  for (let length = 1; length <= 3; length++) {
    for (let i = 0; i + length <= n; i++) {
      const segment = seq.slice(i, i + length);
      const rest = [...seq.slice(0, i), ...seq.slice(i + length)];
      for (let p = 0; p <= rest.length; p++) {
        if (p === i) continue;
        yield [...rest.slice(0, p), ...segment, ...rest.slice(p)];
      }
    }
  }
}

/** Puts unassigned jobs in wherever they now fit (more jobs assigned always wins). */
export function insertUnassigned(state: PlanState, order: readonly number[], limits: SearchLimits): boolean {
  let inserted = false;
  for (const job of order) {
    if (state.routeOf[job] !== -1) continue;
    if (limits.expired()) break;
    const target = bestInsertion(state, job);
    if (!target) continue;
    applySeq(state, target.routeIndex, target.seq, target.timing);
    inserted = true;
  }
  return inserted;
}

/**
 * Ruin and recreate: take a job and its nearest assigned neighbours out, put them back
 * cheapest-first. The caller keeps the result only if it is better.
 */
export function ruinAndRecreate(state: PlanState, random: () => number, neighbours: number[][], insertionOrder: readonly number[]): void {
  const assigned = assignedJobs(state);
  const seed = assigned[Math.floor(random() * assigned.length)];
  if (seed === undefined) return;
  const removed = new Set([seed, ...(neighbours[seed] ?? []).filter((j) => state.routeOf[j] !== -1).slice(0, 2 + Math.floor(random() * 6))]);
  const touched = new Set([...removed].map((j) => state.routeOf[j] as number));
  for (const routeIndex of touched) {
    const route = state.routes[routeIndex] as Route;
    const seq = route.seq.filter((j) => !removed.has(j));
    const timing = retime(state, routeIndex, seq);
    if (timing.feasible) applySeq(state, routeIndex, seq, timing);
    else for (const j of route.seq) removed.delete(j); // a matrix without the triangle inequality can make removal infeasible
  }
  // Jobs that were left out go first, then the removed ones, each group in a random order, so
  // repeated attempts explore different reconstructions.
  const never: SearchLimits = { expired: () => false };
  const waiting = shuffled(insertionOrder.filter((j) => state.routeOf[j] === -1 && !removed.has(j)), random);
  insertUnassigned(state, [...waiting, ...shuffled([...removed], random)], never);
}

export function assignedJobs(state: PlanState): number[] {
  const jobs: number[] = [];
  state.routeOf.forEach((r, j) => {
    if (r >= 0) jobs.push(j);
  });
  return jobs;
}

