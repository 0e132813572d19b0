import { isEligible } from './problem';
import type { Problem, RouteSpec } from './problem';
import { scheduleRoute } from './route-timing';
import { Segment } from './segment';
import type { Solution } from './solution';

/**
 * Small batches solved exactly. For each technician-day, every order of every subset of the
 * jobs it may take is tried, interleaved with its existing bookings in their time order
 * (depth-first, a branch cut as soon as it breaks a rule: time warp, load and visits only
 * grow along a route); the cheapest sequence per subset is kept. A dynamic programme over
 * the technician-days then picks disjoint subsets planning the most jobs for the least
 * travel. On a handful of jobs this takes milliseconds and is the optimum, where the
 * ruin-and-recreate search can stay stuck on its greedy start (its ruin takes out one or two
 * jobs, which recreate puts back where they were). No randomness: the same input gives the
 * same plan. Returns null when the deadline comes first (the search then takes over).
 */
export interface ExactPlan {
  routes: number[][];
  assigned: number;
  cost: number;
}

/** Sequences tried between two looks at the clock. */
const clockEvery = 1024;

export function solveExactly(s: Solution, jobs: readonly number[], expired: () => boolean): ExactPlan | null {
  const p = s.problem;
  const n = jobs.length;
  const full = 1 << n;
  let best = new Float64Array(full).fill(Infinity);
  best[0] = 0;
  const choices: Int32Array[] = [];
  const sequences: Map<number, number[]>[] = [];
  for (let r = 0; r < p.routes.length; r++) {
    const route = bestSequences(s, r, jobs, expired);
    if (!route) return null;
    sequences.push(route.sequences);
    const next = new Float64Array(full).fill(Infinity);
    const choice = new Int32Array(full);
    for (let mask = 0; mask < full; mask++) {
      // Every subset `sub` of `mask` as this route's share; the empty share first.
      for (let sub = mask; ; sub = (sub - 1) & mask) {
        const value = (best[mask ^ sub] as number) + (route.cost[sub] as number);
        if (value < (next[mask] as number) - 1e-9) {
          next[mask] = value;
          choice[mask] = sub;
        }
        if (sub === 0) break;
      }
    }
    choices.push(choice);
    best = next;
  }
  let chosen = -1;
  for (let mask = 0; mask < full; mask++) {
    if ((best[mask] as number) === Infinity) continue;
    if (chosen < 0 || popcount(mask) > popcount(chosen) || (popcount(mask) === popcount(chosen) && (best[mask] as number) < (best[chosen] as number) - 1e-9)) chosen = mask;
  }
  if (chosen < 0) return null;
  const routes: number[][] = new Array(p.routes.length);
  let left = chosen;
  for (let r = p.routes.length - 1; r >= 0; r--) {
    const sub = choices[r]?.[left] as number;
    routes[r] = sequences[r]?.get(sub) ?? emptyRoute(p.routes[r] as RouteSpec);
    left ^= sub;
  }
  return { routes, assigned: popcount(chosen), cost: best[chosen] as number };
}

/** Work an exact solve of these jobs may take: sequences per technician-day, at most. */
export function exactWork(p: Problem, jobs: readonly number[]): number {
  let work = 0;
  for (let r = 0; r < p.routes.length; r++) {
    const m = jobs.filter((j) => isEligible(p, j, r)).length;
    const f = (p.routes[r] as RouteSpec).fixed.length;
    // Σ_k C(m, k)·k! orders, times the ways to interleave f bookings with k visits (≤ C(m + f, f)).
    let orders = 0;
    let term = 1;
    for (let k = 0; k <= m; k++) {
      orders += term;
      term *= m - k;
    }
    work += orders * binomial(m + f, f);
  }
  return work;
}

function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return value;
}

function emptyRoute(spec: RouteSpec): number[] {
  return [spec.startNode, ...spec.fixed, spec.endNode];
}

const popcount = (x: number): number => {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
};

/**
 * Per subset of `jobs` (a bit mask), the least travel of route r visiting exactly those jobs
 * while keeping every rule, and that sequence. The subset with no job costs the route's
 * bookings alone (they stay whatever they break).
 */
function bestSequences(s: Solution, r: number, jobs: readonly number[], expired: () => boolean): { cost: Float64Array; sequences: Map<number, number[]> } | null {
  const p = s.problem;
  const spec = p.routes[r] as RouteSpec;
  const cost = new Float64Array(1 << jobs.length).fill(Infinity);
  const sequences = new Map<number, number[]>();
  cost[0] = s.join(new Segment(), s.single[spec.startNode] as Segment, tailOf(s, spec, 0)).cost;
  const mine = jobs.map((j, bit) => ({ j, bit })).filter(({ j }) => isEligible(p, j, r));
  if (mine.length === 0) return { cost, sequences };
  const f = spec.fixed.length;
  const tails = Array.from({ length: f + 1 }, (_, k) => tailOf(s, spec, k));
  const fixedLoad = tails.map((t) => t.load);
  const fixedCount = tails.map((t) => t.count);
  const stack = Array.from({ length: mine.length + f + 2 }, () => new Segment());
  const closed = new Segment();
  const nodes: number[] = [spec.startNode];
  let tried = 0;
  let stopped = false;

  /** Whether a prefix already breaks a rule every extension would still break. */
  const broken = (seg: Segment, k: number): boolean => {
    if (seg.load + (fixedLoad[k] as number) > spec.maxLoad || seg.count + (fixedCount[k] as number) > spec.maxJobs) return true;
    if (spec.simple) return seg.timeWarp > spec.baseTimeWarp;
    return scheduleRoute(p, spec, nodes).timeWarp > spec.baseTimeWarp;
  };
  const close = (depth: number, mask: number, k: number): void => {
    if (mask === 0) return;
    const whole = s.join(closed, stack[depth] as Segment, tails[k] as Segment);
    if (whole.cost >= (cost[mask] as number) - 1e-9) return;
    const sequence = [...nodes, ...spec.fixed.slice(k), spec.endNode];
    const warp = spec.simple ? whole.timeWarp : scheduleRoute(p, spec, sequence).timeWarp;
    if (warp > spec.baseTimeWarp || whole.load > spec.maxLoad || whole.count > spec.maxJobs) return;
    cost[mask] = whole.cost;
    sequences.set(mask, sequence);
  };
  const visit = (depth: number, mask: number, k: number): void => {
    if (stopped) return;
    if (++tried % clockEvery === 0 && expired()) {
      stopped = true;
      return;
    }
    close(depth, mask, k);
    const here = stack[depth] as Segment;
    const next = stack[depth + 1] as Segment;
    const extend = (node: number, nextMask: number, nextK: number): void => {
      s.join(next, here, s.single[node] as Segment);
      nodes.push(node);
      if (!broken(next, nextK)) visit(depth + 1, nextMask, nextK);
      nodes.pop();
    };
    if (k < f) extend(spec.fixed[k] as number, mask, k + 1);
    for (const { j, bit } of mine) if ((mask & (1 << bit)) === 0) extend(j, mask | (1 << bit), k);
  };
  (stack[0] as Segment).copy(s.single[spec.startNode] as Segment);
  visit(0, 0, 0);
  if (stopped) return null;
  return { cost, sequences };
}

/** The route's bookings from the k-th on, then its end, as one segment. */
function tailOf(s: Solution, spec: RouteSpec, k: number): Segment {
  const tail = new Segment().copy(s.single[spec.endNode] as Segment);
  for (let i = spec.fixed.length - 1; i >= k; i--) s.join(tail, s.single[spec.fixed[i] as number] as Segment, tail);
  return tail;
}
