import { Composer } from './composer';
import { bestPlacement, candidateRoutes, place } from './insertion';
import { isEligible, NodeKind } from './problem';
import type { Problem } from './problem';
import type { Solution } from './solution';
import { SwapStar } from './swap-star';

/** Stops a search when the time budget or the round cap is spent. */
export interface SearchLimits {
  expired(): boolean;
}

/** A move must gain more than this (minutes of penalised cost) to count: float sums are not exact. */
const gainEpsilon = 1e-7;

/**
 * Local search over granular neighbourhoods: for each job u and each of its close jobs v,
 * relocate u (or u and its successor) after v, swap u and v, 2-opt inside a route and 2-opt*
 * between routes; insert left-out jobs, take out a job whose route pays more in penalties
 * than leaving it out costs, and try routes still empty. Then SWAP* between routes. Each
 * move is priced exactly (segments, or exact timing on routes with several pieces of working
 * time) and applied at once when it lowers the penalised cost. Only jobs next to a change
 * are examined again (selective vertex caching, FILO), and a pair (u, v) only once one of
 * their routes has changed since u was last examined: after a small change the search only
 * looks where something happened.
 */
export class LocalSearch {
  private readonly c1: Composer;
  private readonly c2: Composer;
  private readonly testedAt: Float64Array;
  private readonly star: SwapStar;
  private readonly p: Problem;
  /** Selective vertex caching (FILO): the jobs to examine, because something next to them changed. */
  private readonly queue: number[] = [];
  private readonly queued: Uint8Array;
  private readonly oldPrev: Int32Array;
  private readonly oldNext: Int32Array;
  private started = false;

  constructor(
    private readonly s: Solution,
    private readonly neighbours: readonly number[][],
    private readonly routesByHome: readonly number[][],
    private readonly inPlay: Uint8Array,
  ) {
    this.p = s.problem;
    this.c1 = new Composer(s);
    this.c2 = new Composer(s);
    this.testedAt = new Float64Array(s.problem.nJobs).fill(-1);
    this.star = new SwapStar(s, neighbours);
    this.queued = new Uint8Array(s.problem.nJobs);
    this.oldPrev = new Int32Array(s.problem.nNodes).fill(-2);
    this.oldNext = new Int32Array(s.problem.nNodes).fill(-2);
    s.listeners.push((_route, before, after) => this.noteChange(before, after));
  }

  /** Forget what was examined (after the penalties change, every move may price differently). */
  reset(): void {
    this.testedAt.fill(-1);
    this.star.reset();
    for (let j = 0; j < this.p.nJobs; j++) this.activate(j);
  }

  /** Routes changed outside `setRoutes` (restored to earlier sequences): examine around the changes. */
  touched(before: Map<number, number[]>, after = this.s.routes): void {
    for (const [route, nodes] of before) this.noteChange(nodes, after[route] as number[]);
  }

  private activate(node: number): void {
    if (node < this.p.nJobs && this.queued[node] === 0) {
      this.queued[node] = 1;
      this.queue.push(node);
    }
  }

  /** Queues every job whose predecessor or successor changed, and every job that left the route. */
  private noteChange(before: readonly number[], after: readonly number[]): void {
    for (let i = 0; i < before.length; i++) {
      const n = before[i] as number;
      this.oldPrev[n] = i > 0 ? (before[i - 1] as number) : -1;
      this.oldNext[n] = i + 1 < before.length ? (before[i + 1] as number) : -1;
    }
    for (let i = 0; i < after.length; i++) {
      const n = after[i] as number;
      const prev = i > 0 ? (after[i - 1] as number) : -1;
      const next = i + 1 < after.length ? (after[i + 1] as number) : -1;
      if (this.oldPrev[n] !== prev || this.oldNext[n] !== next) this.activate(n);
      this.oldPrev[n] = -3; // seen in the new sequence
    }
    for (const n of before) {
      if (this.oldPrev[n] !== -3) this.activate(n);
      this.oldPrev[n] = -2;
      this.oldNext[n] = -2;
    }
  }

  /**
   * Examines queued jobs, in random order, applying improving moves (which queue the jobs
   * around them), then SWAP*, until nothing improves or the limits are reached. The first
   * call examines every job.
   */
  run(random: () => number, limits: SearchLimits): void {
    if (!this.started) {
      this.started = true;
      for (let j = 0; j < this.p.nJobs; j++) this.activate(j);
    }
    for (let j = 0; j < this.p.nJobs; j++) if (this.s.routeOf[j] === -1 && this.inPlay[j] === 1) this.activate(j);
    for (;;) {
      while (this.queue.length > 0) {
        if (limits.expired()) return;
        const k = Math.floor(random() * this.queue.length);
        const u = this.queue[k] as number;
        this.queue[k] = this.queue[this.queue.length - 1] as number;
        this.queue.pop();
        this.queued[u] = 0;
        this.examine(u);
      }
      if (limits.expired() || !this.star.run(this.c1, this.c2, () => limits.expired())) return;
    }
  }

  private examine(u: number): boolean {
    const s = this.s;
    const tested = this.testedAt[u] as number;
    this.testedAt[u] = s.moves;
    if ((s.routeOf[u] as number) < 0) return this.inPlay[u] === 1 && this.insert(u, tested);
    let improved = false;
    for (const v of this.neighbours[u] ?? []) {
      const ru = s.routeOf[u] as number;
      const rv = s.routeOf[v] as number;
      if (ru < 0) break;
      if (rv < 0 || Math.max(s.changedAt[ru] as number, s.changedAt[rv] as number) <= tested) continue;
      if (this.movesAfter(u, v) || this.swap(u, v) || this.twoOpt(u, v)) {
        improved = true;
        continue;
      }
      const before = s.prev(v);
      if (this.p.kind[before] === NodeKind.Start && this.movesAfter(u, before)) improved = true;
    }
    if ((s.routeOf[u] as number) >= 0 && (this.intoEmpty(u) || this.leaveOut(u))) improved = true;
    return improved;
  }

  /** Moves that put u (and maybe its successor) right after v, or exchange the tails after u and v. */
  private movesAfter(u: number, v: number): boolean {
    return this.relocate(u, v) || this.relocatePair(u, v) || this.twoOptStar(u, v);
  }

  private penaltyOf(r: number): number {
    return (this.s.penalised[r] as number) - (this.s.total[r]?.cost ?? 0);
  }

  private commit(delta: number, ru: number, rv: number): boolean {
    if (delta >= -gainEpsilon) return false;
    const s = this.s;
    if (ru === rv) s.setRoutes(ru, this.c1.sequence([]));
    else s.setRoutes(ru, this.c1.sequence([]), rv, this.c2.sequence([]));
    return true;
  }

  private relocate(u: number, v: number): boolean {
    const s = this.s;
    const ru = s.routeOf[u] as number;
    const rv = s.routeOf[v] as number;
    const pu = s.prev(u);
    if (u === v || v === pu || (ru !== rv && !isEligible(this.p, u, rv))) return false;
    const x = s.next(u);
    const y = s.next(v);
    const dCost = s.cost(pu, x) - s.cost(pu, u) - s.cost(u, x) + s.cost(v, u) + s.cost(u, y) - s.cost(v, y);
    if (ru !== rv) {
      if (dCost >= this.penaltyOf(ru) + this.penaltyOf(rv)) return false;
      const a = this.c1.begin(ru).prefix(pu).suffix(x).price();
      const b = this.c2.begin(rv).prefix(v).node(u).suffix(y).price();
      return this.commit(a + b - (s.penalised[ru] as number) - (s.penalised[rv] as number), ru, rv);
    }
    if (dCost >= this.penaltyOf(ru)) return false;
    const pu0 = s.pos[u] as number;
    const pv0 = s.pos[v] as number;
    if (pu0 < pv0) this.c1.begin(ru).prefix(pu).range(ru, pu0 + 1, pv0).node(u).suffix(y);
    else this.c1.begin(ru).prefix(v).node(u).range(ru, pv0 + 1, pu0 - 1).suffix(x);
    return this.commit(this.c1.price() - (s.penalised[ru] as number), ru, ru);
  }

  /** u and its successor x moved together (in order or reversed) after v on another route. */
  private relocatePair(u: number, v: number): boolean {
    const s = this.s;
    const ru = s.routeOf[u] as number;
    const rv = s.routeOf[v] as number;
    const x = s.next(u);
    if (ru === rv || this.p.kind[x] !== NodeKind.Job || !isEligible(this.p, u, rv) || !isEligible(this.p, x, rv)) return false;
    const pu = s.prev(u);
    const nx = s.next(x);
    const y = s.next(v);
    const removal = s.cost(pu, nx) - s.cost(pu, u) - s.cost(x, nx);
    const bound = this.penaltyOf(ru) + this.penaltyOf(rv);
    const inOrder = removal + s.cost(v, u) + s.cost(x, y) - s.cost(v, y) < bound;
    const reversed = removal + s.cost(v, x) + s.cost(x, u) + s.cost(u, y) - s.cost(u, x) - s.cost(v, y) < bound;
    if (!inOrder && !reversed) return false;
    const a = this.c1.begin(ru).prefix(pu).suffix(nx).price() - (s.penalised[ru] as number);
    if (inOrder && this.commit(a + this.c2.begin(rv).prefix(v).node(u).node(x).suffix(y).price() - (s.penalised[rv] as number), ru, rv)) return true;
    return reversed && this.commit(a + this.c2.begin(rv).prefix(v).node(x).node(u).suffix(y).price() - (s.penalised[rv] as number), ru, rv);
  }

  private swap(u: number, v: number): boolean {
    const s = this.s;
    if (this.p.kind[v] !== NodeKind.Job || u === v) return false;
    const ru = s.routeOf[u] as number;
    const rv = s.routeOf[v] as number;
    const pu = s.prev(u);
    const x = s.next(u);
    const pv = s.prev(v);
    const y = s.next(v);
    if (ru !== rv) {
      if (!isEligible(this.p, u, rv) || !isEligible(this.p, v, ru)) return false;
      const dCost = s.cost(pu, v) + s.cost(v, x) - s.cost(pu, u) - s.cost(u, x) + s.cost(pv, u) + s.cost(u, y) - s.cost(pv, v) - s.cost(v, y);
      if (dCost >= this.penaltyOf(ru) + this.penaltyOf(rv)) return false;
      const a = this.c1.begin(ru).prefix(pu).node(v).suffix(x).price();
      const b = this.c2.begin(rv).prefix(pv).node(u).suffix(y).price();
      return this.commit(a + b - (s.penalised[ru] as number) - (s.penalised[rv] as number), ru, rv);
    }
    const [first, second] = (s.pos[u] as number) < (s.pos[v] as number) ? [u, v] : [v, u];
    const i = s.pos[first] as number;
    const k = s.pos[second] as number;
    const c = this.c1.begin(ru).prefix(s.prev(first)).node(second);
    if (k > i + 1) c.range(ru, i + 1, k - 1);
    c.node(first).suffix(s.next(second));
    return this.commit(c.price() - (s.penalised[ru] as number), ru, ru);
  }

  /** Inside one route: reverse the stretch from u's successor through v. */
  private twoOpt(u: number, v: number): boolean {
    const s = this.s;
    const r = s.routeOf[u] as number;
    if (s.routeOf[v] !== r || (s.pos[u] as number) >= (s.pos[v] as number) || this.p.kind[v] !== NodeKind.Job) return false;
    const x = s.next(u);
    const y = s.next(v);
    if ((s.forward[v]?.fixed ?? 0) !== (s.forward[u]?.fixed ?? 0)) return false; // a booking would change order
    if (this.p.locations.symmetric && s.cost(u, v) + s.cost(x, y) - s.cost(u, x) - s.cost(v, y) >= this.penaltyOf(r)) return false;
    const price = this.c1.begin(r).prefix(u).reversed(r, (s.pos[u] as number) + 1, s.pos[v] as number).suffix(y).price();
    return this.commit(price - (s.penalised[r] as number), r, r);
  }

  /** Between routes: u continues with v's tail, v with u's tail. */
  private twoOptStar(u: number, v: number): boolean {
    const s = this.s;
    const ru = s.routeOf[u] as number;
    const rv = s.routeOf[v] as number;
    if (ru === rv) return false;
    const x = s.next(u);
    const y = s.next(v);
    if (this.p.kind[x] === NodeKind.End && this.p.kind[y] === NodeKind.End) return false;
    if ((s.backward[x]?.fixed ?? 0) > 0 || (s.backward[y]?.fixed ?? 0) > 0) return false; // bookings stay with their technician
    const spec = this.p.routes;
    const sameEnds = this.p.loc[spec[ru]?.endNode ?? 0] === this.p.loc[spec[rv]?.endNode ?? 0];
    if (sameEnds && s.cost(u, y) + s.cost(v, x) - s.cost(u, x) - s.cost(v, y) >= this.penaltyOf(ru) + this.penaltyOf(rv)) return false;
    const a = this.c1.begin(ru).prefix(u).suffix(y).price();
    const b = this.c2.begin(rv).prefix(v).suffix(x).price();
    const delta = a + b - (s.penalised[ru] as number) - (s.penalised[rv] as number);
    if (delta >= -gainEpsilon || !this.tailFits(y, ru) || !this.tailFits(x, rv)) return false;
    return this.commit(delta, ru, rv);
  }

  /** Whether every job from `node` to the end of its route may go on route `r`. */
  private tailFits(node: number, r: number): boolean {
    const s = this.s;
    const nodes = s.routes[s.routeOf[node] as number] as number[];
    for (let i = s.pos[node] as number; i < nodes.length - 1; i++) {
      const n = nodes[i] as number;
      if (this.p.kind[n] === NodeKind.Job && !isEligible(this.p, n, r)) return false;
    }
    return true;
  }

  /**
   * A left-out job in play goes in where it costs least, if that is less than leaving it out;
   * else it takes the place of a close planned job when the plan then costs less (the same
   * number of jobs planned, a cheaper set).
   */
  private insert(u: number, tested: number): boolean {
    const s = this.s;
    const routes = candidateRoutes(s, u, this.neighbours[u] ?? [], this.routesByHome[u] ?? []);
    if (!routes.some((r) => (s.changedAt[r] as number) > tested)) return false;
    const best = bestPlacement(s, this.c1, u, routes);
    if (best && best.delta < s.unassignedPenalty - gainEpsilon) {
      place(s, u, best.route, best.after);
      return true;
    }
    for (const v of this.neighbours[u] ?? []) {
      const r = s.routeOf[v] as number;
      if (r < 0 || !isEligible(this.p, u, r)) continue;
      const price = this.c1.begin(r).prefix(s.prev(v)).node(u).suffix(s.next(v)).price();
      if (this.commit(price - (s.penalised[r] as number), r, r)) return true;
    }
    return false;
  }

  /** Takes u out when its route's penalties cost more than leaving it unplanned. */
  private leaveOut(u: number): boolean {
    const s = this.s;
    const r = s.routeOf[u] as number;
    if (this.penaltyOf(r) <= s.unassignedPenalty * 0.01) return false;
    const price = this.c1.begin(r).prefix(s.prev(u)).suffix(s.next(u)).price();
    return this.commit(price + s.unassignedPenalty - (s.penalised[r] as number), r, r);
  }

  /** u alone on a technician-day nobody works yet. */
  private intoEmpty(u: number): boolean {
    const s = this.s;
    let tried = 0;
    for (const r of this.routesByHome[u] ?? []) {
      if (tried >= 2) break;
      const spec = this.p.routes[r];
      if (!spec || r === s.routeOf[u] || (s.routes[r] as number[]).length !== 2 + spec.fixed.length) continue;
      tried++;
      if (this.relocate(u, spec.startNode)) return true;
    }
    return false;
  }
}
