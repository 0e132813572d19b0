import { NodeKind } from './problem';
import type { Problem, RouteSpec } from './problem';
import { scheduleRoute } from './route-timing';
import type { Solution } from './solution';

/** A plan that keeps every rule, derived from the search's current one. */
export interface FeasiblePlan {
  routes: number[][];
  unassigned: number;
  cost: number;
}

/** Routes breaking a rule beyond which projecting is not worth its time (the plan is far from feasible). */
const maxBrokenRoutes = 4;

/**
 * The current plan made feasible by taking out, route by route, the visit whose removal
 * helps most (least excess left, then most travel saved) until the route keeps every rule.
 * The search may spend many rounds on plans that are a little late; this lets each of them
 * still offer a feasible plan to keep. Null when too many routes break a rule.
 */
export function projectFeasible(s: Solution): FeasiblePlan | null {
  const p = s.problem;
  const broken: number[] = [];
  for (let r = 0; r < s.routes.length; r++) if (!routeKeepsRules(p, r, s.routes[r] as number[], s.timeWarp[r] as number, s.total[r]?.load ?? 0, s.total[r]?.count ?? 0)) broken.push(r);
  if (broken.length > maxBrokenRoutes) return null;
  const routes = s.routes.map((nodes) => nodes);
  let unassigned = s.unassignedCount();
  let cost = s.travelCost();
  for (const r of broken) {
    let nodes = [...(routes[r] as number[])];
    let nodesCost = s.total[r]?.cost ?? 0;
    for (;;) {
      const state = evaluate(p, r, nodes);
      if (state.excess === 0) break;
      let best: { nodes: number[]; excess: number; cost: number } | null = null;
      for (let i = 1; i < nodes.length - 1; i++) {
        if (p.kind[nodes[i] as number] !== NodeKind.Job) continue;
        const without = [...nodes.slice(0, i), ...nodes.slice(i + 1)];
        const next = evaluate(p, r, without);
        if (!best || next.excess < best.excess || (next.excess === best.excess && next.cost < best.cost)) best = { nodes: without, ...next };
      }
      if (!best) return null; // only bookings left and still broken: nothing to take out
      nodes = best.nodes;
      unassigned++;
      cost += best.cost - nodesCost;
      nodesCost = best.cost;
    }
    routes[r] = nodes;
  }
  return { routes, unassigned, cost };
}

function routeKeepsRules(p: Problem, r: number, nodes: number[], timeWarp: number, load: number, count: number): boolean {
  const spec = p.routes[r] as RouteSpec;
  if (nodes.length === 2 + spec.fixed.length) return true;
  return timeWarp <= spec.baseTimeWarp && load <= spec.maxLoad && count <= spec.maxJobs;
}

/** How far a sequence is from keeping the route's rules (0: keeps them), and its travel cost. */
function evaluate(p: Problem, r: number, nodes: number[]): { excess: number; cost: number } {
  const spec = p.routes[r] as RouteSpec;
  const { cost: matrix, count } = p.locations;
  let load = 0;
  let visits = 0;
  let cost = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as number;
    if (p.kind[n] === NodeKind.Job || p.kind[n] === NodeKind.Fixed) {
      load += p.load[n] as number;
      visits++;
    }
    if (i > 0) cost += matrix[(p.loc[nodes[i - 1] as number] as number) * count + (p.loc[n] as number)] as number;
  }
  if (nodes.length === 2 + spec.fixed.length) return { excess: 0, cost };
  const warp = Math.max(0, scheduleRoute(p, spec, nodes).timeWarp - spec.baseTimeWarp);
  return { excess: warp + 1e6 * Math.max(0, load - spec.maxLoad) + 1e9 * Math.max(0, visits - spec.maxJobs), cost };
}
