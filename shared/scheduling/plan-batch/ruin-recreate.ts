import { shuffled } from '../../random/seeded-random';
import type { Composer } from './composer';
import { bestPlacement, candidateRoutes, place } from './insertion';
import { NodeKind } from './problem';
import type { Solution } from './solution';

/**
 * Ruin and recreate with slack induction by string removals (Christiaens & Vanden Berghe
 * 2020, "Slack induction by string removals for vehicle routing problems"): take out short
 * strings of consecutive visits from a few routes near a random job, then put every left-out
 * job back at its cheapest place, in one of a few orders, with a few places skipped at
 * random ("blinks") so that ties do not always resolve the same way.
 */
export interface RuinSettings {
  /** Average number of jobs taken out. */
  averageRemoved: number;
  /** Longest string taken from one route. */
  maxString: number;
  blinkRate: number;
}

/** How often each job has been left out at the end of a round (SISR's absence counter): the hard ones go back first. */
export class Absences {
  readonly count: Float64Array;
  constructor(jobs: number) {
    this.count = new Float64Array(jobs);
  }
  record(s: Solution): void {
    for (let j = 0; j < this.count.length; j++) if (s.routeOf[j] === -1) this.count[j] = (this.count[j] as number) + 1;
  }
}

export interface RecreateContext {
  absences: Absences;
  /** 1 for the jobs the search plans: those that fit on some technician-day on their own, until set aside (search.ts). */
  inPlay: Uint8Array;
  neighbours: readonly number[][];
  nearest: readonly Int32Array[];
  routesByHome: readonly number[][];
  /** Tightest first (the greedy start's order). */
  tightOrder: readonly number[];
}

export function ruinAndRecreate(s: Solution, composer: Composer, ctx: RecreateContext, settings: RuinSettings, random: () => number): void {
  ruin(s, ctx, settings, random);
  recreate(s, composer, ctx, settings, random);
}

function jobsOfRoute(s: Solution, r: number): number[] {
  return (s.routes[r] as number[]).filter((n) => s.problem.kind[n] === NodeKind.Job);
}

function ruin(s: Solution, ctx: RecreateContext, settings: RuinSettings, random: () => number): void {
  const p = s.problem;
  const assigned: number[] = [];
  for (let j = 0; j < p.nJobs; j++) if ((s.routeOf[j] as number) >= 0) assigned.push(j);
  if (assigned.length === 0) return;
  const used = s.routes.filter((nodes) => nodes.some((n) => p.kind[n] === NodeKind.Job)).length;
  const stringMax = Math.max(1, Math.min(settings.maxString, assigned.length / Math.max(1, used)));
  const stringsMax = (4 * settings.averageRemoved) / (1 + stringMax) - 1;
  const strings = Math.floor(random() * Math.max(1, stringsMax)) + 1;
  const seed = assigned[Math.floor(random() * assigned.length)] as number;
  const ruined = new Map<number, Set<number>>();
  for (const c of [seed, ...(ctx.nearest[seed] ?? [])]) {
    if (ruined.size >= strings) break;
    const r = s.routeOf[c] as number;
    if (r < 0 || ruined.has(r)) continue;
    const jobs = jobsOfRoute(s, r);
    const length = Math.floor(random() * Math.min(jobs.length, stringMax)) + 1;
    const at = jobs.indexOf(c);
    const first = Math.max(0, Math.min(jobs.length - length, at - Math.floor(random() * length)));
    ruined.set(r, new Set(jobs.slice(first, first + length)));
  }
  for (const [r, out] of ruined) s.setRoutes(r, (s.routes[r] as number[]).filter((n) => !out.has(n)));
}

function recreate(s: Solution, composer: Composer, ctx: RecreateContext, settings: RuinSettings, random: () => number): void {
  const p = s.problem;
  const left: number[] = [];
  for (let j = 0; j < p.nJobs; j++) if (s.routeOf[j] === -1 && ctx.inPlay[j] === 1) left.push(j);
  const blink = () => random() < settings.blinkRate;
  for (const u of insertionOrder(s, ctx, left, random)) {
    const routes = candidateRoutes(s, u, ctx.neighbours[u] ?? [], ctx.routesByHome[u] ?? []);
    const best = bestPlacement(s, composer, u, routes, { blink });
    if (best && best.delta < s.unassignedPenalty) place(s, u, best.route, best.after);
  }
}

/** The order jobs go back in: most often left out first, or at random, largest load, farthest from home or tightest window first. */
function insertionOrder(s: Solution, ctx: RecreateContext, left: number[], random: () => number): number[] {
  const p = s.problem;
  const absent = ctx.absences.count;
  if (left.some((j) => (absent[j] as number) > 0) && random() < 0.5) return [...left].sort((a, b) => (absent[b] as number) - (absent[a] as number) || a - b);
  const pick = random();
  if (pick < 0.35) return shuffled(left, random);
  if (pick < 0.6) return [...left].sort((a, b) => (p.load[b] as number) - (p.load[a] as number) || a - b);
  if (pick < 0.8) {
    const homeCost = (j: number) => {
      const r = ctx.routesByHome[j]?.[0];
      return r === undefined ? 0 : s.cost(p.routes[r]?.startNode ?? 0, j);
    };
    return [...left].sort((a, b) => homeCost(b) - homeCost(a) || a - b);
  }
  const rank = new Map(ctx.tightOrder.map((j, i) => [j, i]));
  return [...left].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}
