import { bestInsertion, bestInsertionInto } from './insertion';
import { addedFor, applySeq, improvementEpsilon, removeAt, retime, untimedAdded } from './plan-state';
import type { PlanState } from './plan-state';
import type { Route, Timing } from './route-timing';
import { shuffled } from '../../random/seeded-random';

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
    // On a day without fixed bookings the route is only timed once a move is worth making.
    const untimed = untimedAdded(state, from, without);
    let timingWithout = untimed === null ? retime(state, from, without) : null;
    if (timingWithout && !timingWithout.feasible) continue;
    const gain = addedFor(route, route.seq.length, route.timing) - (untimed ?? addedFor(route, without.length, timingWithout as Timing));
    const target = bestInsertion(state, job, { routeIndex: from, seq: without });
    if (!target || target.delta >= gain - improvementEpsilon) continue;
    if (target.routeIndex !== from) {
      timingWithout ??= retime(state, from, without);
      if (!timingWithout.feasible) continue;
      applySeq(state, from, without, timingWithout);
    }
    applySeq(state, target.routeIndex, target.seq, target.timing);
    improved = true;
  }
  return improved;
}

/**
 * Swap: exchange a job with one of its nearest jobs on another route, each put at its best
 * position (exactly timed) in the other's route.
 */
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
  const withoutA = removeAt(routeA.seq, routeA.seq.indexOf(a));
  const withoutB = removeAt(routeB.seq, routeB.seq.indexOf(b));
  const intoA = bestInsertionInto(state, b, [{ routeIndex: ra, seq: withoutA }]);
  if (!intoA) return false;
  const intoB = bestInsertionInto(state, a, [{ routeIndex: rb, seq: withoutB }]);
  if (!intoB) return false;
  const before = addedFor(routeA, routeA.seq.length, routeA.timing) + addedFor(routeB, routeB.seq.length, routeB.timing);
  const after = addedFor(routeA, intoA.seq.length, intoA.timing) + addedFor(routeB, intoB.seq.length, intoB.timing);
  if (after >= before - improvementEpsilon) return false;
  applySeq(state, ra, intoA.seq, intoA.timing);
  applySeq(state, rb, intoB.seq, intoB.timing);
  return true;
}

/**
 * Replace: put a left-out job in place of an assigned one (at its best position in that
 * route) when the plan then adds less travel; the replaced job is left out instead, or
 * moved to its cheapest place elsewhere if it has one (then the plan assigns one more).
 */
export function replacePass(state: PlanState, random: () => number, limits: SearchLimits): boolean {
  let improved = false;
  for (const u of shuffled(unassignedJobs(state), random)) {
    for (const r of state.eligible[u] ?? []) {
      if (limits.expired()) return improved;
      if (state.routeOf[u] !== -1) break;
      const route = state.routes[r] as Route;
      for (const e of [...route.seq]) {
        if (tryReplace(state, u, e, r)) {
          improved = true;
          break;
        }
      }
    }
  }
  return improved;
}

function tryReplace(state: PlanState, u: number, e: number, r: number): boolean {
  const route = state.routes[r] as Route;
  const without = removeAt(route.seq, route.seq.indexOf(e));
  const into = bestInsertionInto(state, u, [{ routeIndex: r, seq: without }]);
  if (!into) return false;
  const before = addedFor(route, route.seq.length, route.timing);
  const after = addedFor(route, into.seq.length, into.timing);
  if (after >= before - improvementEpsilon) return false;
  applySeq(state, r, into.seq, into.timing);
  const elsewhere = bestInsertion(state, e);
  if (elsewhere) applySeq(state, elsewhere.routeIndex, elsewhere.seq, elsewhere.timing);
  return true;
}

/**
 * Deepest ejection chain; how many insertions one left-out job may try through chains, and
 * all of them together, per pass (left-out jobs are tried in a random order, so on a plan
 * with many of them successive passes try different ones).
 */
const maxEjections = 3;
const ejectionBudgetPerJob = 300;
const ejectionBudgetPerPass = 3000;

/**
 * Ejection chains, for left-out jobs only: put the job into a route in place of an assigned
 * one, which then goes to its cheapest place elsewhere or in turn takes the place of another
 * (up to `maxEjections` deep). A chain is kept when it ends with every job placed, i.e. the
 * plan assigns one more job (travel may grow: assigning more always wins). This reaches
 * plans that need several jobs to change technician at once, e.g. when capacities are tight.
 */
export function ejectionPass(state: PlanState, random: () => number, limits: SearchLimits): boolean {
  let improved = false;
  let passLeft = ejectionBudgetPerPass;
  for (const u of shuffled(unassignedJobs(state), random)) {
    if (limits.expired() || passLeft <= 0) break;
    const budget = { left: Math.min(ejectionBudgetPerJob, passLeft) };
    const before = budget.left;
    if (ejectInto(state, u, maxEjections, new Set([u]), budget, limits)) improved = true;
    passLeft -= before - budget.left;
  }
  return improved;
}

function ejectInto(state: PlanState, job: number, depth: number, chain: Set<number>, budget: { left: number }, limits: SearchLimits): boolean {
  for (const r of state.eligible[job] ?? []) {
    const route = state.routes[r] as Route;
    for (const e of route.seq) {
      if (chain.has(e) || budget.left <= 0 || limits.expired()) continue;
      budget.left--;
      const into = bestInsertionInto(state, job, [{ routeIndex: r, seq: removeAt(route.seq, route.seq.indexOf(e)) }]);
      if (!into) continue;
      const saved = { seq: route.seq, timing: route.timing };
      applySeq(state, r, into.seq, into.timing);
      const direct = bestInsertion(state, e);
      if (direct) {
        applySeq(state, direct.routeIndex, direct.seq, direct.timing);
        return true;
      }
      if (depth > 1) {
        chain.add(e);
        if (ejectInto(state, e, depth - 1, chain, budget, limits)) return true;
        chain.delete(e);
      }
      applySeq(state, r, saved.seq, saved.timing);
      state.routeOf[job] = -1;
    }
  }
  return false;
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
    // On a day without fixed bookings the travel is known before timing: time improving variants only.
    const untimed = untimedAdded(state, routeIndex, seq);
    if (untimed !== null && untimed >= current - improvementEpsilon) continue;
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
export function insertUnassigned(state: PlanState, order: readonly number[], limits: SearchLimits, blink?: () => boolean): boolean {
  let inserted = false;
  for (const job of order) {
    if (state.routeOf[job] !== -1) continue;
    if (limits.expired()) break;
    const target = bestInsertion(state, job, undefined, blink);
    if (!target) continue;
    applySeq(state, target.routeIndex, target.seq, target.timing);
    inserted = true;
  }
  return inserted;
}

/** Largest ruin, as a share of the assigned jobs (at least `minRuin`, at most `maxRuin`). */
const ruinShare = 0.4;
const minRuin = 4;
const maxRuin = 60;
/** Largest share of insertion positions recreate skips at random (see bestInsertionInto); each recreate draws its own. */
const maxBlinkRate = 0.3;

/**
 * Ruin and recreate: take a random part of the plan out and put it back with exact cheapest
 * insertion. The part is, at random, a job and its nearest assigned jobs, every planned visit
 * of one or two routes, or jobs picked at random; its size is random up to 40% of the
 * assigned jobs (all of them on tiny plans). Jobs are put back tightest-first or in a random
 * order, again at random, each at its cheapest position with a few positions randomly skipped. The caller keeps the result only if it is no worse.
 */
export function ruinAndRecreate(state: PlanState, random: () => number, insertionOrder: readonly number[]): void {
  const assigned = assignedJobs(state);
  if (assigned.length === 0) return;
  const limit = Math.min(assigned.length, Math.max(minRuin, Math.ceil(assigned.length * ruinShare)), maxRuin);
  const size = 1 + Math.floor(random() * limit);
  const removed = new Set(pickRuin(state, random, assigned, size));
  const touched = new Set([...removed].map((j) => state.routeOf[j] as number));
  for (const routeIndex of touched) {
    const route = state.routes[routeIndex] as Route;
    const seq = route.seq.filter((j) => !removed.has(j));
    const timing = retime(state, routeIndex, seq);
    if (timing.feasible) applySeq(state, routeIndex, seq, timing);
    else for (const j of route.seq) removed.delete(j); // a matrix without the triangle inequality can make removal infeasible
  }
  const never: SearchLimits = { expired: () => false };
  const waiting = insertionOrder.filter((j) => state.routeOf[j] === -1);
  const rate = random() * maxBlinkRate;
  const blink = () => random() < rate;
  insertUnassigned(state, random() < 0.5 ? waiting : shuffled(waiting, random), never, blink);
}

function pickRuin(state: PlanState, random: () => number, assigned: number[], size: number): number[] {
  const kind = random();
  if (kind < 0.4) {
    // A job and its nearest assigned jobs.
    const seed = assigned[Math.floor(random() * assigned.length)] as number;
    const site = state.jobs[seed]?.location;
    if (!site) return [seed];
    return assigned
      .map((j) => ({ j, minutes: j === seed ? -1 : state.travel.between(site, state.jobs[j]?.location ?? site).minutes }))
      .sort((x, y) => x.minutes - y.minutes || x.j - y.j)
      .slice(0, size)
      .map((x) => x.j);
  }
  if (kind < 0.7) {
    // Every planned visit of one or two routes.
    const used = state.routes.flatMap((r, i) => (r.seq.length > 0 ? [i] : []));
    const picked = shuffled(used, random).slice(0, random() < 0.5 ? 1 : 2);
    return picked.flatMap((i) => (state.routes[i] as Route).seq);
  }
  return shuffled(assigned, random).slice(0, size);
}

function unassignedJobs(state: PlanState): number[] {
  return state.routeOf.flatMap((r, j) => (r === -1 ? [j] : []));
}

export function assignedJobs(state: PlanState): number[] {
  const jobs: number[] = [];
  state.routeOf.forEach((r, j) => {
    if (r >= 0) jobs.push(j);
  });
  return jobs;
}


/**
 * Applies improving moves (insert left-out jobs, relocate, swap, replace, 2-opt/or-opt) until none
 * improves any more (a local optimum for all of them) or the limits are reached.
 */
export function descend(state: PlanState, random: () => number, limits: SearchLimits, neighbours: number[][], order: readonly number[]): void {
  while (!limits.expired()) {
    let improved = insertUnassigned(state, order, limits);
    improved = relocatePass(state, random, limits) || improved;
    improved = swapPass(state, random, limits, neighbours) || improved;
    improved = replacePass(state, random, limits) || improved;
    improved = intraRoutePass(state, random, limits) || improved;
    if (!improved) improved = ejectionPass(state, random, limits);
    if (!improved) return;
  }
}
