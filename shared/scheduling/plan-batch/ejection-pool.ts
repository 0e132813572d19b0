import type { Composer } from './composer';
import { bestPlacement, candidateRoutes, place } from './insertion';
import { isEligible, NodeKind } from './problem';
import type { RecreateContext } from './ruin-recreate';
import { searchSettings } from './search-settings';
import type { Solution } from './solution';

/**
 * The ejection pool of Nagata & Bräysy's route minimisation ("A powerful route minimization
 * heuristic for the vehicle routing problem with time windows", 2009), kept to single
 * ejections: on a plan that keeps every rule, take the left-out job that has been left out
 * most; put it in where it fits, or else in place of a nearby planned job — the one left out
 * least often so far — which joins the pool. Every step keeps every rule. Ends when the pool
 * is empty (one more job planned than before) or after `steps` steps.
 */

export function ejectionPool(s: Solution, composer: Composer, ctx: RecreateContext, steps: number, expired: () => boolean): void {
  const p = s.problem;
  const absent = ctx.absences.count;
  const pool: number[] = [];
  for (let j = 0; j < p.nJobs; j++) if (s.routeOf[j] === -1 && ctx.inPlay[j] === 1) pool.push(j);
  let lastIn = -1;
  for (let step = 0; step < steps && pool.length > 0 && !expired(); step++) {
    pool.sort((a, b) => (absent[a] as number) - (absent[b] as number) || b - a);
    const u = pool.pop() as number;
    const routes = candidateRoutes(s, u, ctx.neighbours[u] ?? [], ctx.routesByHome[u] ?? []);
    const direct = bestPlacement(s, composer, u, routes, { feasibleOnly: true });
    if (direct) {
      place(s, u, direct.route, direct.after);
      continue;
    }
    absent[u] = (absent[u] as number) + 1;
    const swap = bestEjection(s, composer, u, routes, lastIn, absent);
    if (!swap) {
      pool.push(u);
      return;
    }
    s.setRoutes(swap.route, swap.nodes);
    pool.push(swap.out);
    lastIn = u;
  }
}

interface Ejection {
  route: number;
  nodes: number[];
  out: number;
  score: number;
  delta: number;
}

/** The feasible way to put u after some node of the routes while taking out a job at most `reach` stops away (least often left out, then cheapest). */
function bestEjection(s: Solution, composer: Composer, u: number, routes: number[], keep: number, absent: Float64Array): Ejection | null {
  const p = s.problem;
  let best: Ejection | null = null;
  for (const r of routes) {
    if (!isEligible(p, u, r)) continue;
    const nodes = s.routes[r] as number[];
    const now = s.penalised[r] as number;
    for (let i = 0; i < nodes.length - 1; i++) {
      const reach = searchSettings.ejectionReach;
      for (let k = Math.max(1, i - reach + 1); k <= Math.min(nodes.length - 2, i + reach); k++) {
        const e = nodes[k] as number;
        if (p.kind[e] !== NodeKind.Job || e === keep) continue;
        const score = absent[e] as number;
        if (best && score > best.score) continue;
        compose(composer, s, r, i, k, u);
        const price = composer.price();
        if (!composer.feasible) continue;
        const delta = price - now;
        if (!best || score < best.score || delta < best.delta) best = { route: r, nodes: composer.sequence([]), out: e, score, delta };
      }
    }
  }
  return best;
}

/** Route r with u put right after position i and the job at position k taken out. */
function compose(c: Composer, s: Solution, r: number, i: number, k: number, u: number): Composer {
  const nodes = s.routes[r] as number[];
  const at = (x: number) => nodes[x] as number;
  c.begin(r);
  if (k === i) return c.prefix(at(i - 1)).node(u).suffix(at(i + 1));
  if (k === i + 1) return c.prefix(at(i)).node(u).suffix(at(k + 1));
  if (k < i) {
    c.prefix(at(k - 1));
    c.range(r, k + 1, i);
    return c.node(u).suffix(at(i + 1));
  }
  c.prefix(at(i)).node(u);
  if (k - 1 >= i + 1) c.range(r, i + 1, k - 1);
  return c.suffix(at(k + 1));
}
