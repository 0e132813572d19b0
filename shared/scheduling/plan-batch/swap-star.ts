import type { Composer } from './composer';
import { isEligible, NodeKind } from './problem';
import type { Solution } from './solution';

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and
 * SWAP* neighborhood"): exchange a job U of route A with a job V of route B, each going to
 * its best place in the other route rather than the other's old place. Places are
 * pre-selected by travel alone (the three cheapest per job and route); the few best
 * exchanges are then priced exactly with time windows and capacities, and the best
 * improving one is applied. Only pairs of routes holding each other's granular neighbours
 * (and, for routes from the same home, whose polar sectors around it overlap) are tried, and
 * a pair only again once one of the two has changed.
 */
const shortlist = 4;
const gainEpsilon = 1e-7;

export class SwapStar {
  private readonly stamp = new Map<number, number>();
  /** Per job: its three cheapest places in the other route (cost, node it goes after). */
  private readonly spotCost: Float64Array;
  private readonly spotAfter: Int32Array;
  private readonly candidate = { u: new Int32Array(shortlist), v: new Int32Array(shortlist), cost: new Float64Array(shortlist), vAfter: new Int32Array(shortlist), uAfter: new Int32Array(shortlist), n: 0 };
  private readonly inA: number[] = [];
  private readonly inB: number[] = [];
  private readonly sectorStart: Float64Array;
  private readonly sectorSpan: Float64Array;
  /** When each route's sector was computed (its change stamp then). */
  private readonly sectorAt: Float64Array;
  /** The move counter at the end of the last pass: only routes changed since then need new pairs. */
  private lastPass = -1;

  constructor(
    private readonly s: Solution,
    private readonly neighbours: readonly number[][],
  ) {
    this.spotCost = new Float64Array(s.problem.nJobs * 3);
    this.spotAfter = new Int32Array(s.problem.nJobs * 3);
    this.sectorStart = new Float64Array(s.problem.routes.length);
    this.sectorSpan = new Float64Array(s.problem.routes.length);
    this.sectorAt = new Float64Array(s.problem.routes.length).fill(-1);
  }

  reset(): void {
    this.stamp.clear();
    this.lastPass = -1;
  }

  /**
   * One pass over the route pairs that changed; true when a move was applied. Stops between
   * two pairs when `expired` says so (a pass over long routes is long on a loaded machine);
   * the pairs not reached are taken up by the next pass.
   */
  run(c1: Composer, c2: Composer, expired: () => boolean = () => false): boolean {
    const s = this.s;
    const nRoutes = s.problem.routes.length;
    let improved = false;
    const pairs = this.adjacentRoutes();
    const previousPass = this.lastPass;
    this.lastPass = s.moves;
    for (const key of pairs) {
      if (expired()) {
        this.lastPass = previousPass;
        return improved;
      }
      const a = Math.floor(key / nRoutes);
      const b = key % nRoutes;
      const last = this.stamp.get(key) ?? -1;
      if (Math.max(s.changedAt[a] as number, s.changedAt[b] as number) <= last) continue;
      this.stamp.set(key, s.moves);
      for (const r of [a, b]) {
        if (this.sectorAt[r] !== s.changedAt[r]) {
          this.sector(r);
          this.sectorAt[r] = s.changedAt[r] as number;
        }
      }
      if (!this.sectorsMeet(a, b)) continue;
      if (this.tryPair(c1, c2, a, b)) improved = true;
    }
    return improved;
  }

  /** Pairs a·routes+b (a < b) of routes, one changed since the last pass, where a job of one has a granular neighbour in the other. */
  private adjacentRoutes(): number[] {
    const s = this.s;
    const nRoutes = s.problem.routes.length;
    const seen = new Set<number>();
    for (let u = 0; u < s.problem.nJobs; u++) {
      const ru = s.routeOf[u] as number;
      if (ru < 0) continue;
      const uChanged = (s.changedAt[ru] as number) > this.lastPass;
      for (const v of this.neighbours[u] ?? []) {
        const rv = s.routeOf[v] as number;
        if (rv < 0 || rv === ru || (!uChanged && (s.changedAt[rv] as number) <= this.lastPass)) continue;
        seen.add(ru < rv ? ru * nRoutes + rv : rv * nRoutes + ru);
      }
    }
    return [...seen].sort((x, y) => x - y);
  }

  /** The smallest arc of polar angles around the route's home holding all its jobs. */
  private sector(r: number): void {
    const s = this.s;
    const p = s.problem;
    const home = p.locations.sites[p.loc[p.routes[r]?.startNode ?? 0] as number];
    const angles: number[] = [];
    for (const n of s.routes[r] as number[]) {
      const site = p.locations.sites[p.loc[n] as number];
      if (p.kind[n] !== NodeKind.Job || !site || !home) continue;
      angles.push(Math.atan2(site.lat - home.lat, site.lng - home.lng));
    }
    angles.sort((x, y) => x - y);
    if (angles.length === 0) {
      this.sectorSpan[r] = -1;
      return;
    }
    let gap = (angles[0] as number) + 2 * Math.PI - (angles[angles.length - 1] as number);
    let start = angles[0] as number;
    for (let i = 1; i < angles.length; i++) {
      const g = (angles[i] as number) - (angles[i - 1] as number);
      if (g > gap) {
        gap = g;
        start = angles[i] as number;
      }
    }
    this.sectorStart[r] = start;
    this.sectorSpan[r] = 2 * Math.PI - gap;
  }

  private sectorsMeet(a: number, b: number): boolean {
    const p = this.s.problem;
    if (p.loc[p.routes[a]?.startNode ?? 0] !== p.loc[p.routes[b]?.startNode ?? 0]) return true; // different homes: no common centre
    const spanA = this.sectorSpan[a] as number;
    const spanB = this.sectorSpan[b] as number;
    if (spanA < 0 || spanB < 0) return false;
    const within = (angle: number, start: number, span: number) => {
      const d = (((angle - start) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
      return d <= span + 1e-9;
    };
    return within(this.sectorStart[b] as number, this.sectorStart[a] as number, spanA) || within(this.sectorStart[a] as number, this.sectorStart[b] as number, spanB);
  }

  /** The three cheapest places (by travel only) for job u in route r. */
  private cheapestSpots(u: number, r: number): void {
    const s = this.s;
    const nodes = s.routes[r] as number[];
    const base = u * 3;
    this.spotCost[base] = this.spotCost[base + 1] = this.spotCost[base + 2] = Infinity;
    for (let i = 0; i < nodes.length - 1; i++) {
      const v = nodes[i] as number;
      const w = nodes[i + 1] as number;
      const cost = s.cost(v, u) + s.cost(u, w) - s.cost(v, w);
      let k = 2;
      if (cost >= (this.spotCost[base + 2] as number)) continue;
      while (k > 0 && cost < (this.spotCost[base + k - 1] as number)) {
        this.spotCost[base + k] = this.spotCost[base + k - 1] as number;
        this.spotAfter[base + k] = this.spotAfter[base + k - 1] as number;
        k--;
      }
      this.spotCost[base + k] = cost;
      this.spotAfter[base + k] = v;
    }
  }

  /** Per job of the pair's routes: the locations around it and what taking it out saves. */
  private readonly around = { loc: new Int32Array(0), prevLoc: new Int32Array(0), nextLoc: new Int32Array(0), prev: new Int32Array(0), removal: new Float64Array(0) };

  private describe(jobs: readonly number[], offset: number): void {
    const s = this.s;
    const p = s.problem;
    const m = this.around;
    for (let i = 0; i < jobs.length; i++) {
      const n = jobs[i] as number;
      const before = s.prev(n);
      const after = s.next(n);
      m.loc[offset + i] = p.loc[n] as number;
      m.prevLoc[offset + i] = p.loc[before] as number;
      m.nextLoc[offset + i] = p.loc[after] as number;
      m.prev[offset + i] = before;
      m.removal[offset + i] = s.cost(before, after) - s.cost(before, n) - s.cost(n, after);
    }
  }

  private tryPair(c1: Composer, c2: Composer, a: number, b: number): boolean {
    const s = this.s;
    const p = s.problem;
    this.inA.length = 0;
    this.inB.length = 0;
    for (const n of s.routes[a] as number[]) if (p.kind[n] === NodeKind.Job && isEligible(p, n, b)) this.inA.push(n);
    for (const n of s.routes[b] as number[]) if (p.kind[n] === NodeKind.Job && isEligible(p, n, a)) this.inB.push(n);
    const nA = this.inA.length;
    const nB = this.inB.length;
    if (nA === 0 || nB === 0) return false;
    if (this.around.loc.length < nA + nB) {
      const size = 2 * (nA + nB);
      this.around.loc = new Int32Array(size);
      this.around.prevLoc = new Int32Array(size);
      this.around.nextLoc = new Int32Array(size);
      this.around.prev = new Int32Array(size);
      this.around.removal = new Float64Array(size);
    }
    this.describe(this.inA, 0);
    this.describe(this.inB, nA);
    for (const u of this.inA) this.cheapestSpots(u, b);
    for (const v of this.inB) this.cheapestSpots(v, a);
    const { loc, prevLoc, nextLoc, prev, removal } = this.around;
    const matrix = p.locations.cost;
    const count = p.locations.count;
    const spotCost = this.spotCost;
    const spotAfter = this.spotAfter;
    const c = this.candidate;
    c.n = 0;
    for (let i = 0; i < nA; i++) {
      const u = this.inA[i] as number;
      const lu = loc[i] as number;
      for (let j = 0; j < nB; j++) {
        const v = this.inB[j] as number;
        const k = nA + j;
        const lv = loc[k] as number;
        // u where v was, or at one of its three cheapest places in B that survive v leaving.
        let intoB = (matrix[(prevLoc[k] as number) * count + lu] as number) + (matrix[lu * count + (nextLoc[k] as number)] as number) - (matrix[(prevLoc[k] as number) * count + (nextLoc[k] as number)] as number);
        let uAfter = prev[k] as number;
        for (let q = u * 3; q < u * 3 + 3; q++) {
          const at = spotAfter[q] as number;
          if ((spotCost[q] as number) < intoB && at !== v && at !== prev[k]) {
            intoB = spotCost[q] as number;
            uAfter = at;
          }
        }
        let intoA = (matrix[(prevLoc[i] as number) * count + lv] as number) + (matrix[lv * count + (nextLoc[i] as number)] as number) - (matrix[(prevLoc[i] as number) * count + (nextLoc[i] as number)] as number);
        let vAfter = prev[i] as number;
        for (let q = v * 3; q < v * 3 + 3; q++) {
          const at = spotAfter[q] as number;
          if ((spotCost[q] as number) < intoA && at !== u && at !== prev[i]) {
            intoA = spotCost[q] as number;
            vAfter = at;
          }
        }
        const cost = (removal[i] as number) + (removal[k] as number) + intoB + intoA;
        if (c.n === shortlist && cost >= (c.cost[shortlist - 1] as number)) continue;
        let slot = c.n < shortlist ? c.n++ : shortlist - 1;
        while (slot > 0 && cost < (c.cost[slot - 1] as number)) {
          c.cost[slot] = c.cost[slot - 1] as number;
          c.u[slot] = c.u[slot - 1] as number;
          c.v[slot] = c.v[slot - 1] as number;
          c.uAfter[slot] = c.uAfter[slot - 1] as number;
          c.vAfter[slot] = c.vAfter[slot - 1] as number;
          slot--;
        }
        c.cost[slot] = cost;
        c.u[slot] = u;
        c.v[slot] = v;
        c.uAfter[slot] = uAfter;
        c.vAfter[slot] = vAfter;
      }
    }
    const now = (s.penalised[a] as number) + (s.penalised[b] as number);
    const penalties = now - (s.total[a]?.cost ?? 0) - (s.total[b]?.cost ?? 0);
    let bestDelta = -gainEpsilon;
    let best = -1;
    for (let k = 0; k < c.n; k++) {
      if ((c.cost[k] as number) >= penalties) break; // travel alone already gives no gain
      const delta = compose(c1, s, a, c.u[k] as number, c.v[k] as number, c.vAfter[k] as number).price() + compose(c2, s, b, c.v[k] as number, c.u[k] as number, c.uAfter[k] as number).price() - now;
      if (delta < bestDelta) {
        bestDelta = delta;
        best = k;
      }
    }
    if (best < 0) return false;
    const seqA = compose(c1, s, a, c.u[best] as number, c.v[best] as number, c.vAfter[best] as number).sequence([]);
    const seqB = compose(c2, s, b, c.v[best] as number, c.u[best] as number, c.uAfter[best] as number).sequence([]);
    s.setRoutes(a, seqA, b, seqB);
    return true;
  }
}

/** Route r with `out` removed and `job` put right after `after` (a node of r other than `out`). */
function compose(c: Composer, s: Solution, r: number, out: number, job: number, after: number): Composer {
  const i = s.pos[out] as number;
  const k = s.pos[after] as number;
  c.begin(r);
  if (k === i - 1) return c.prefix(after).node(job).suffix(s.next(out));
  if (k < i) {
    c.prefix(after).node(job);
    if (i - 1 >= k + 1) c.range(r, k + 1, i - 1);
    return c.suffix(s.next(out));
  }
  c.prefix(s.prev(out));
  c.range(r, i + 1, k);
  return c.node(job).suffix(s.next(after));
}
