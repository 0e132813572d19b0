import type { Problem } from './problem';
import { searchSettings } from './search-settings';
import type { Penalties, Solution } from './solution';

/**
 * Keeps the weights of time warp and excess load where the search spends part of its time
 * on each side of feasibility (Vidal et al. 2013): every few rounds, a weight grows when
 * plans broke that rule too often and shrinks when they almost never did.
 */
const window = 10;
const targetLow = 0.25;
const targetHigh = 0.6;
const grow = 1.5;
const shrink = 0.85;

export class PenaltyTuner {
  penalties: Penalties;
  private rounds = 0;
  private timeFeasible = 0;
  private loadFeasible = 0;
  constructor(initial: Penalties) {
    this.penalties = { ...initial };
  }

  /** Records a round's plan; true when the weights changed (the caller re-weighs). */
  record(s: Solution): boolean {
    this.rounds++;
    let time = true;
    let load = true;
    for (let r = 0; r < s.routes.length; r++) {
      const spec = s.problem.routes[r];
      if (!spec) continue;
      if ((s.timeWarp[r] as number) > spec.baseTimeWarp) time = false;
      if ((s.total[r]?.load ?? 0) > spec.maxLoad) load = false;
    }
    if (time) this.timeFeasible++;
    if (load) this.loadFeasible++;
    if (this.rounds < window) return false;
    const before = { ...this.penalties };
    this.penalties.timeWarp = adjust(this.penalties.timeWarp, this.timeFeasible / this.rounds);
    this.penalties.load = adjust(this.penalties.load, this.loadFeasible / this.rounds);
    this.rounds = this.timeFeasible = this.loadFeasible = 0;
    return before.timeWarp !== this.penalties.timeWarp || before.load !== this.penalties.load;
  }
}

function adjust(weight: number, feasibleShare: number): number {
  if (feasibleShare < targetLow) return Math.min(weight * grow, 1e6);
  if (feasibleShare > targetHigh) return Math.max(weight * shrink, 1e-3);
  return weight;
}

/**
 * Starting weights: half an hour late costs as much as the longest detour could (so the
 * search does not start by planning everything late); a unit over capacity costs what an
 * average job's drive does per unit of load; a visit over a daily job limit as much as the
 * longest detour. The tuner moves the first two from there.
 */
export function initialPenalties(p: Problem): Penalties {
  let loads = 0;
  for (let j = 0; j < p.nJobs; j++) loads += p.load[j] as number;
  const meanLoad = p.nJobs > 0 ? Math.max(1e-6, loads / p.nJobs) : 1;
  const meanDrive = p.locations.maxCost / 2;
  return { timeWarp: Math.max(1, p.detourBound * searchSettings.initialWarpShare), load: Math.max(1e-3, meanDrive / meanLoad), jobs: p.detourBound };
}
