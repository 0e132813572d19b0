import { seededRandom } from '../../random/seeded-random';
import { Composer } from './composer';
import { ejectionPool } from './ejection-pool';
import { LocalSearch } from './local-search';
import type { SearchLimits } from './local-search';
import { initialPenalties, PenaltyTuner } from './penalties';
import { projectFeasible } from './projection';
import type { FeasiblePlan } from './projection';
import { ruinAndRecreate } from './ruin-recreate';
import type { RecreateContext, RuinSettings } from './ruin-recreate';
import { searchSettings } from './search-settings';
import type { Solution } from './solution';

export interface SearchSettings {
  clock: () => number;
  deadline: number;
  /** When the search started (for the schedule when there is no round cap). */
  startedAt: number;
  maxRounds: number | undefined;
  seed: number;
}

/** The best plan kept so far: fewest jobs left out, then least travel. */
interface Best {
  routes: number[][];
  unassigned: number;
  cost: number;
}

/**
 * Iterated local search with simulated-annealing acceptance in the style of FILO (Accorsi &
 * Vigo 2021) and SISR: descend to a local optimum, then repeatedly ruin and recreate a small
 * part of the current plan, descend again, and keep the result when it is better than the
 * current plan or, early on, only a little worse.
 *
 * Every job in play (one that fits on some technician-day on its own) is always planned;
 * lateness and overload are allowed during the search at a price the tuner adapts (HGS), and
 * an infeasible round that looks promising is repaired with heavier prices. The result is the
 * best plan that keeps every rule: a feasible round's plan, or an infeasible one's with the
 * visits that break rules taken out (projection.ts). While that plan still leaves jobs out,
 * an ejection pool tries to fit them; if it still leaves some out past `tradeOffAt` of the
 * budget, leaving a job out gets a finite price for the rest of the time, so the search
 * chooses which jobs to leave out for the least travel (what small real days need).
 *
 * It stops at the deadline, after `maxRounds`, or after a long stretch of rounds without a
 * better plan once its schedule (cooling, the price of leaving a job out) has run: a search
 * that stalls early runs the rest of its schedule over one more such stretch first. With a
 * round cap the schedule follows the rounds, so the same input, seed and cap give the same
 * plan on any machine.
 */
export function improve(s: Solution, ctx: RecreateContext, settings: SearchSettings): { rounds: number } {
  const random = seededRandom(settings.seed).next;
  const ls = new LocalSearch(s, ctx.neighbours, ctx.routesByHome, ctx.inPlay);
  const composer = new Composer(s);
  const tuner = new PenaltyTuner(s.penalties);
  let rounds = 0;
  let sinceBest = 0;
  const stall = Math.max(searchSettings.stallRounds, searchSettings.stallRoundsPerJob * s.problem.nJobs);
  const outOfTime: SearchLimits = { expired: () => settings.clock() >= settings.deadline };
  const scheduled = () => (settings.maxRounds !== undefined ? rounds / settings.maxRounds : (settings.clock() - settings.startedAt) / Math.max(1, settings.deadline - settings.startedAt));
  // A search that stalls before its schedule is done (a small plan: a thousand rounds are a
  // few per cent of the budget) does not stop there, still hot and before leaving a job out
  // has a price: it runs the rest of the schedule over one more stall's worth of rounds.
  let finishing: { round: number; from: number } | null = null;
  const progress = () => {
    const share = scheduled();
    return finishing ? Math.max(share, finishing.from + ((1 - finishing.from) * (rounds - finishing.round)) / stall) : share;
  };
  const limits: SearchLimits = {
    expired: () => outOfTime.expired() || (settings.maxRounds !== undefined && rounds >= settings.maxRounds) || (finishing !== null && sinceBest >= stall && progress() >= 1),
  };
  let best: Best | null = null;
  const keepIfBest = () => {
    const plan: FeasiblePlan | null = s.feasible() ? { routes: s.routes, unassigned: s.unassignedCount(), cost: s.travelCost() } : projectFeasible(s);
    if (plan && (!best || plan.unassigned < best.unassigned || (plan.unassigned === best.unassigned && plan.cost < best.cost - 1e-9))) {
      best = { routes: plan.routes.map((r) => [...r]), unassigned: plan.unassigned, cost: plan.cost };
      sinceBest = 0;
    }
  };
  keepIfBest();
  ls.run(random, outOfTime);
  keepIfBest();
  const ruinSettings = ruinSettingsFor(s);
  const temperature = coolingFor(s);
  let current = s.objective();
  let tradeOff = false;
  const saved = new Map<number, number[]>();
  const remember = (route: number, before: number[]) => {
    if (!saved.has(route)) saved.set(route, before);
  };
  s.listeners.push(remember);
  const restart = (routes: number[][]) => {
    restoreAll(s, routes);
    ls.reset();
    current = s.objective();
  };
  while (!limits.expired()) {
    const kept = best as Best | null;
    if (kept && leavesOutInPlay(kept, ctx, s)) {
      if (!tradeOff && progress() >= searchSettings.tradeOffAt) {
        // Not every job fits: from the best plan on, leaving a job out costs a detour's worth,
        // so the search can choose which jobs to leave out for the least travel.
        tradeOff = true;
        s.unassignedPenalty = s.problem.detourBound;
        tuner.penalties = initialPenalties(s.problem);
        s.reweigh(tuner.penalties);
        restart(kept.routes);
      } else if (rounds % searchSettings.ejectionEvery === searchSettings.ejectionEvery - 1) {
        // From the best plan, try to fit the jobs it leaves out; carry on from there if that plans more.
        const before = s.routes.slice();
        restoreAll(s, kept.routes);
        ejectionPool(s, composer, ctx, searchSettings.ejectionSteps, limits.expired);
        if (s.unassignedCount() < kept.unassigned) {
          keepIfBest();
          restart(s.routes.slice());
        } else restart(before);
      }
    }
    saved.clear();
    ruinAndRecreate(s, composer, ctx, ruinSettings, random);
    ls.run(random, outOfTime);
    if (!s.feasible() && random() < searchSettings.repairChance) repair(s, ls, random, outOfTime, keepIfBest);
    const value = s.objective();
    if (value < current - temperature(progress()) * Math.log(random())) current = value;
    else {
      const rejected = new Map([...saved.keys()].map((route) => [route, s.routes[route] as number[]]));
      restore(s, saved);
      ls.touched(rejected);
    }
    keepIfBest();
    ctx.absences.record(s);
    rounds++;
    sinceBest++;
    if (sinceBest >= stall && !finishing) finishing = { round: rounds, from: Math.min(1, scheduled()) };
    if (tuner.record(s)) {
      s.reweigh(tuner.penalties);
      ls.reset();
      current = s.objective();
    }
  }
  s.listeners.splice(s.listeners.indexOf(remember), 1);
  const found = best as Best | null;
  if (found) restoreAll(s, found.routes);
  return { rounds };
}

/** Whether the plan leaves out a job the search still plans. */
function leavesOutInPlay(plan: Best, ctx: RecreateContext, s: Solution): boolean {
  const planned = new Uint8Array(s.problem.nJobs);
  for (const nodes of plan.routes) for (const n of nodes) if (n < s.problem.nJobs) planned[n] = 1;
  return ctx.inPlay.some((inPlay, j) => inPlay === 1 && planned[j] === 0);
}

/**
 * HGS's repair, in the form measured best here: with ten times the penalties, every pair of
 * routes is tried again with SWAP* (the weights changed, so every route counts as changed),
 * followed by the local moves around whatever it exchanges. The jobs' own moves were just
 * tried at the normal weights and are not repeated. This often turns a plan a few minutes
 * late into a feasible one.
 */
function repair(s: Solution, ls: LocalSearch, random: () => number, limits: SearchLimits, keepIfBest: () => void): void {
  const normal = s.penalties;
  const boost = searchSettings.repairBoost;
  s.reweigh({ timeWarp: normal.timeWarp * boost, load: normal.load * boost, jobs: normal.jobs });
  ls.run(random, limits);
  keepIfBest();
  s.reweigh(normal, false);
}

function restore(s: Solution, saved: Map<number, number[]>): void {
  for (const route of saved.keys()) for (const node of s.routes[route] as number[]) s.routeOf[node] = -1;
  for (const [route, nodes] of saved) {
    s.routes[route] = nodes;
    s.refresh(route);
  }
}

/** Puts the plan's routes back to the given sequences (jobs may change routes). */
export function restoreAll(s: Solution, routes: number[][]): void {
  s.routeOf.fill(-1);
  routes.forEach((nodes, r) => {
    s.routes[r] = nodes;
    s.refresh(r);
  });
}

/** About `averageRemoved` jobs out per round (fewer on small plans), in strings of up to `maxString` visits. */
function ruinSettingsFor(s: Solution): RuinSettings {
  const t = searchSettings;
  return { averageRemoved: Math.max(t.minRemoved, Math.min(t.averageRemoved, s.problem.nJobs * t.averageRemovedShare)), maxString: t.maxString, blinkRate: t.blinkRate };
}

/**
 * Temperature as the search progresses (0 → 1): from a share of the average travel per job
 * down to a smaller one, geometrically, so late rounds only accept improvements or near-ties.
 */
function coolingFor(s: Solution): (progress: number) => number {
  const perJob = s.travelCost() / Math.max(1, s.problem.nJobs - s.unassignedCount());
  const start = searchSettings.startTemperature * perJob;
  const end = searchSettings.endTemperature * perJob;
  return (progress) => start * (end / start) ** Math.min(1, Math.max(0, progress));
}
