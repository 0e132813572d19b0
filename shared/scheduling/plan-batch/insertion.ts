import type { Composer } from './composer';
import { isEligible } from './problem';
import type { Problem } from './problem';
import type { Solution } from './solution';

export interface Placement {
  route: number;
  /** The node the job goes right after. */
  after: number;
  /** Change of the penalised cost. */
  delta: number;
}

export interface PlacementOptions {
  /** Only placements that keep every rule (the greedy start). */
  feasibleOnly?: boolean;
  /** Asked once per position; true skips it (recreate's randomness). */
  blink?: () => boolean;
}

/** Cheapest placement of job `u` after any stop of the given routes (ones it may not go on are skipped). */
export function bestPlacement(s: Solution, composer: Composer, u: number, routes: Iterable<number>, options: PlacementOptions = {}): Placement | null {
  let best: Placement | null = null;
  for (const r of routes) {
    if (!isEligible(s.problem, u, r)) continue;
    const nodes = s.routes[r] as number[];
    const before = s.penalised[r] as number;
    const penaltyNow = before - (s.total[r]?.cost ?? 0);
    for (let i = 0; i < nodes.length - 1; i++) {
      if (options.blink?.()) continue;
      const v = nodes[i] as number;
      const w = nodes[i + 1] as number;
      // The candidate costs at least its travel: skip positions that cannot beat the best.
      const detour = s.cost(v, u) + s.cost(u, w) - s.cost(v, w);
      if (best && detour - penaltyNow >= best.delta) continue;
      const price = composer.begin(r).prefix(v).node(u).suffix(w).price();
      if (options.feasibleOnly && !composer.feasible) continue;
      const delta = price - before;
      if (!best || delta < best.delta) best = { route: r, after: v, delta };
    }
  }
  return best;
}

/** Puts job `u` right after node `after` on route `route`. */
export function place(s: Solution, u: number, route: number, after: number): void {
  const nodes = s.routes[route] as number[];
  const at = (s.pos[after] as number) + 1;
  s.setRoutes(route, [...nodes.slice(0, at), u, ...nodes.slice(at)]);
}

/**
 * Routes worth trying for job `u`: those holding one of its granular neighbours, plus the
 * first few empty routes nearest to it (a new technician-day); all its routes when neither gives any.
 */
export function candidateRoutes(s: Solution, u: number, neighbours: readonly number[], routesByHome: readonly number[], emptyRoutes = 2): number[] {
  const p: Problem = s.problem;
  const found = new Set<number>();
  for (const v of neighbours) {
    const r = s.routeOf[v] as number;
    if (r >= 0 && isEligible(p, u, r)) found.add(r);
  }
  let empties = 0;
  for (const r of routesByHome) {
    if (empties >= emptyRoutes) break;
    if ((s.routes[r] as number[]).length === 2 + (p.routes[r]?.fixed.length ?? 0) && !found.has(r)) {
      found.add(r);
      empties++;
    }
  }
  return found.size > 0 ? [...found] : [...(p.eligible[u] ?? [])];
}

/** Per job, its routes ordered by the drive from the technician's home base. */
export function routesByHome(p: Problem): number[][] {
  const { cost, count } = p.locations;
  return p.eligible.map((routes, j) =>
    [...routes].sort((a, b) => {
      const ca = cost[(p.loc[p.routes[a]?.startNode ?? 0] as number) * count + (p.loc[j] as number)] as number;
      const cb = cost[(p.loc[p.routes[b]?.startNode ?? 0] as number) * count + (p.loc[j] as number)] as number;
      return ca - cb || a - b;
    }),
  );
}
