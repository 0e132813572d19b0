import { seededRandom } from '../../random/seeded-random';
import { Composer } from './composer';
import { LocalSearch } from './local-search';
import type { SearchLimits } from './local-search';
import { PenaltyTuner } from './penalties';
import { ruinAndRecreate } from './ruin-recreate';
import type { RecreateContext, RuinSettings } from './ruin-recreate';
import { searchSettings } from './search-settings';
import type { Solution } from './solution';

export interface SearchSettings {
  clock: () => number;
  deadline: number;
  /** When the search started (for the cooling schedule when there is no round cap). */
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
 * current plan or, early on, only a little worse. Time windows and capacities are soft
 * during the search (weighted by penalties the tuner keeps at a useful level); the result is
 * the best plan found that keeps every rule. With a round cap the schedule follows the
 * rounds, so the same input, seed and cap give the same plan on any machine.
 */
export function improve(s: Solution, ctx: RecreateContext, settings: SearchSettings): { rounds: number } {
  const random = seededRandom(settings.seed).next;
  const ls = new LocalSearch(s, ctx.neighbours, ctx.routesByHome);
  const composer = new Composer(s);
  const tuner = new PenaltyTuner(s.penalties);
  let rounds = 0;
  const limits: SearchLimits = { expired: () => settings.clock() >= settings.deadline || (settings.maxRounds !== undefined && rounds >= settings.maxRounds) };
  let best: Best | null = null;
  const keepIfBest = () => {
    if (!s.feasible()) return;
    const unassigned = s.unassignedCount();
    const cost = s.travelCost();
    if (!best || unassigned < best.unassigned || (unassigned === best.unassigned && cost < best.cost - 1e-9)) {
      best = { routes: s.routes.map((r) => [...r]), unassigned, cost };
    }
  };
  keepIfBest();
  const noRoundCap: SearchLimits = { expired: () => settings.clock() >= settings.deadline };
  ls.run(random, noRoundCap);
  keepIfBest();
  const ruinSettings = ruinSettingsFor(s);
  const temperature = coolingFor(s);
  let current = s.objective();
  const saved = new Map<number, number[]>();
  const remember = (route: number, before: number[]) => {
    if (!saved.has(route)) saved.set(route, before);
  };
  s.listeners.push(remember);
  while (!limits.expired()) {
    saved.clear();
    ruinAndRecreate(s, composer, ctx, ruinSettings, random);
    ls.run(random, noRoundCap);
    if (!s.feasible() && random() < searchSettings.repairChance) repair(s, ls, random, noRoundCap, keepIfBest);
    const value = s.objective();
    const progress = settings.maxRounds !== undefined ? rounds / settings.maxRounds : (settings.clock() - settings.startedAt) / Math.max(1, settings.deadline - settings.startedAt);
    if (value < current - temperature(progress) * Math.log(random())) current = value;
    else {
      const rejected = new Map([...saved.keys()].map((route) => [route, s.routes[route] as number[]]));
      restore(s, saved);
      ls.touched(rejected);
    }
    keepIfBest();
    rounds++;
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

/** Descends again with heavier penalties, which often turns a nearly feasible plan into a feasible one. */
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

function restoreAll(s: Solution, routes: number[][]): void {
  s.routeOf.fill(-1);
  routes.forEach((nodes, r) => {
    s.routes[r] = nodes;
    s.refresh(r);
  });
}

/** About `averageRemoved` jobs out per round (fewer on small plans), in strings of up to `maxString` visits. */
function ruinSettingsFor(s: Solution): RuinSettings {
  const t = searchSettings;
  return { averageRemoved: Math.max(2, Math.min(t.averageRemoved, s.problem.nJobs * t.averageRemovedShare)), maxString: t.maxString, blinkRate: t.blinkRate };
}

/**
 * Temperature as the search progresses (0 → 1): from a share of the average travel per job
 * down to a hundredth of it, geometrically, so late rounds only accept improvements or near-ties.
 */
function coolingFor(s: Solution): (progress: number) => number {
  const perJob = s.travelCost() / Math.max(1, s.problem.nJobs - s.unassignedCount());
  const start = searchSettings.startTemperature * perJob;
  const end = searchSettings.endTemperature * perJob;
  return (progress) => start * (end / start) ** Math.min(1, Math.max(0, progress));
}
