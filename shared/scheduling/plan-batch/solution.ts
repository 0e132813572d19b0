import { NodeKind } from './problem';
import type { Problem } from './problem';
import { scheduleRoute } from './route-timing';
import { concat, Segment } from './segment';

/** Weights of the soft constraints during the search; a plan is only kept as a result when all three are zero. */
export interface Penalties {
  /** Per minute of time warp. */
  timeWarp: number;
  /** Per unit of load over capacity. */
  load: number;
  /** Per visit over the daily job limit. */
  jobs: number;
}

const msPerMinute = 60_000;

/**
 * Minutes of time warp as the penalty counts them: any breach at least one minute, so that a
 * plan a few milliseconds late is not almost as good as a feasible one.
 */
function warpMinutes(excessMs: number): number {
  return excessMs <= 0 ? 0 : Math.max(1, excessMs / msPerMinute);
}

/**
 * The search's working plan: each route's node sequence (start, visits and fixed bookings,
 * end) with, per node, the segment from the route's start through it and from it to the
 * route's last stop (the end excluded, so a tail can be moved onto another technician's end).
 */
export class Solution {
  readonly routes: number[][];
  readonly routeOf: Int32Array;
  readonly pos: Int32Array;
  readonly forward: Segment[];
  readonly backward: Segment[];
  /** Per route: its whole segment (end included), time warp (exact for any route) and penalised cost. */
  readonly total: Segment[];
  readonly timeWarp: Float64Array;
  readonly penalised: Float64Array;
  /** When each route last changed (a move counter), for the local search's bookkeeping. */
  readonly changedAt: Float64Array;
  moves = 0;
  penalties: Penalties;
  /** What a job left out costs: at first more than anything (every job in play is planned), later a detour's worth (search.ts). */
  unassignedPenalty: number;
  /** Each node's segment on its own (fixed for the whole search). */
  readonly single: Segment[];
  private readonly loc: Int32Array;
  private readonly timeMatrix: Float64Array;
  private readonly costMatrix: Float64Array;
  private readonly locations: number;
  /** Told of every route change made through `setRoutes`, with the sequence before and after. */
  readonly listeners: ((route: number, before: number[], after: number[]) => void)[] = [];

  constructor(
    readonly problem: Problem,
    penalties: Penalties,
  ) {
    const { nNodes, routes } = problem;
    this.penalties = penalties;
    this.unassignedPenalty = problem.unassignedPenalty;
    this.loc = problem.loc;
    this.timeMatrix = problem.locations.time;
    this.costMatrix = problem.locations.cost;
    this.locations = problem.locations.count;
    this.single = Array.from({ length: nNodes }, (_, node) => this.nodeSegment(new Segment(), node));
    this.routes = routes.map((r) => [r.startNode, ...r.fixed, r.endNode]);
    this.routeOf = new Int32Array(nNodes).fill(-1);
    this.pos = new Int32Array(nNodes).fill(-1);
    this.forward = Array.from({ length: nNodes }, () => new Segment());
    this.backward = Array.from({ length: nNodes }, () => new Segment());
    this.total = routes.map(() => new Segment());
    this.timeWarp = new Float64Array(routes.length);
    this.penalised = new Float64Array(routes.length);
    this.changedAt = new Float64Array(routes.length);
    for (let r = 0; r < routes.length; r++) this.refresh(r);
  }

  /** The segment of one node on its own. */
  nodeSegment(out: Segment, node: number): Segment {
    const p = this.problem;
    const kind = p.kind[node] as NodeKind;
    out.first = node;
    out.last = node;
    out.duration = p.service[node] as number;
    out.timeWarp = 0;
    out.early = p.early[node] as number;
    out.late = p.late[node] as number;
    out.cost = 0;
    out.load = kind === NodeKind.Job || kind === NodeKind.Fixed ? (p.load[node] as number) : 0;
    out.count = kind === NodeKind.Job || kind === NodeKind.Fixed ? 1 : 0;
    out.fixed = kind === NodeKind.Fixed ? 1 : 0;
    return out;
  }

  /** Travel (ms) and cost (minutes) from one node to another. */
  travel(from: number, to: number): number {
    return this.timeMatrix[(this.loc[from] as number) * this.locations + (this.loc[to] as number)] as number;
  }

  cost(from: number, to: number): number {
    return this.costMatrix[(this.loc[from] as number) * this.locations + (this.loc[to] as number)] as number;
  }

  /** a ⊕ b into out, with the drive between a's last and b's first node. */
  join(out: Segment, a: Segment, b: Segment): Segment {
    if (a.first < 0 || b.first < 0) return concat(out, a, b, 0, 0);
    const at = (this.loc[a.last] as number) * this.locations + (this.loc[b.first] as number);
    return concat(out, a, b, this.timeMatrix[at] as number, this.costMatrix[at] as number);
  }

  /** Penalised cost of a route of `route`'s technician whose whole segment is `seg` and time warp `timeWarp`. */
  penalise(route: number, seg: Segment, timeWarp: number): number {
    const spec = this.problem.routes[route];
    if (!spec) return Infinity;
    const w = this.penalties;
    return (
      seg.cost +
      w.timeWarp * warpMinutes(timeWarp - spec.baseTimeWarp) +
      w.load * Math.max(0, seg.load - spec.maxLoad) +
      w.jobs * Math.max(0, seg.count - spec.maxJobs)
    );
  }

  /** Recomputes a route's positions, segments, time warp and cost after its sequence changed. */
  refresh(r: number): void {
    const nodes = this.routes[r] as number[];
    const last = nodes.length - 1;
    for (let i = 0; i <= last; i++) {
      const node = nodes[i] as number;
      this.routeOf[node] = r;
      this.pos[node] = i;
    }
    const single = this.single;
    (this.forward[nodes[0] as number] as Segment).copy(single[nodes[0] as number] as Segment);
    for (let i = 1; i < last; i++) {
      const node = nodes[i] as number;
      this.join(this.forward[node] as Segment, this.forward[nodes[i - 1] as number] as Segment, single[node] as Segment);
    }
    (this.backward[nodes[last] as number] as Segment).clear();
    for (let i = last - 1; i >= 1; i--) {
      const node = nodes[i] as number;
      this.join(this.backward[node] as Segment, single[node] as Segment, this.backward[nodes[i + 1] as number] as Segment);
    }
    const total = this.total[r] as Segment;
    this.join(total, this.forward[nodes[last - 1] as number] as Segment, single[nodes[last] as number] as Segment);
    const spec = this.problem.routes[r];
    this.timeWarp[r] = spec?.simple ? total.timeWarp : scheduleRoute(this.problem, spec as never, nodes).timeWarp;
    this.penalised[r] = this.penalise(r, total, this.timeWarp[r] as number);
    this.changedAt[r] = ++this.moves;
  }

  /** Replaces the sequences of one or two routes (nodes leaving every route become unassigned). */
  setRoutes(r1: number, nodes1: number[], r2 = -1, nodes2: number[] = []): void {
    const before1 = this.routes[r1] as number[];
    const before2 = r2 >= 0 ? (this.routes[r2] as number[]) : [];
    for (const node of before1) this.routeOf[node] = -1;
    for (const node of before2) this.routeOf[node] = -1;
    this.routes[r1] = nodes1;
    if (r2 >= 0) this.routes[r2] = nodes2;
    this.refresh(r1);
    if (r2 >= 0) this.refresh(r2);
    for (const listener of this.listeners) {
      listener(r1, before1, nodes1);
      if (r2 >= 0) listener(r2, before2, nodes2);
    }
  }

  /** Sum of penalised route costs plus the penalty of every job left out. */
  objective(): number {
    let sum = 0;
    for (let r = 0; r < this.routes.length; r++) sum += this.penalised[r] as number;
    return sum + this.unassignedCount() * this.unassignedPenalty;
  }

  unassignedCount(): number {
    let n = 0;
    for (let j = 0; j < this.problem.nJobs; j++) if (this.routeOf[j] === -1) n++;
    return n;
  }

  /** Travel cost of the plan (minutes). */
  travelCost(): number {
    let sum = 0;
    for (const seg of this.total) sum += seg.cost;
    return sum;
  }

  /** Whether every route with planned visits keeps every rule (no time warp beyond its bookings' own, capacity kept). */
  feasible(): boolean {
    for (let r = 0; r < this.routes.length; r++) {
      const spec = this.problem.routes[r];
      if (!spec || (this.routes[r] as number[]).length === 2 + spec.fixed.length) continue;
      const seg = this.total[r] as Segment;
      if ((this.timeWarp[r] as number) > spec.baseTimeWarp || seg.load > spec.maxLoad || seg.count > spec.maxJobs) return false;
    }
    return true;
  }

  /** Re-weighs every route after the penalties changed; `retest` makes the local search look at every route again. */
  reweigh(penalties: Penalties, retest = true): void {
    this.penalties = penalties;
    for (let r = 0; r < this.routes.length; r++) {
      this.penalised[r] = this.penalise(r, this.total[r] as Segment, this.timeWarp[r] as number);
      if (retest) this.changedAt[r] = ++this.moves;
    }
  }

  next(node: number): number {
    return (this.routes[this.routeOf[node] as number] as number[])[(this.pos[node] as number) + 1] as number;
  }

  prev(node: number): number {
    return (this.routes[this.routeOf[node] as number] as number[])[(this.pos[node] as number) - 1] as number;
  }
}
