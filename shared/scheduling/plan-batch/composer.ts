import { scheduleRoute } from './route-timing';
import { Segment } from './segment';
import type { Solution } from './solution';

/**
 * Describes a candidate route as pieces of existing routes (a prefix, a suffix, a range,
 * a reversed range, single nodes) and prices it: on a simple route by concatenating the
 * stored segments (O(1) per prefix or suffix), on a route with several pieces of working
 * time by timing the candidate sequence exactly. A priced candidate can then be built.
 */
const enum Part {
  Prefix = 0,
  Suffix = 1,
  Node = 2,
  Range = 3,
  Reversed = 4,
}

/** Most parts a candidate is made of (moves use at most six). */
const maxParts = 16;

export class Composer {
  private route = -1;
  private parts = 0;
  private readonly kinds = new Int32Array(maxParts);
  private readonly a = new Int32Array(maxParts);
  private readonly b = new Int32Array(maxParts);
  private readonly c = new Int32Array(maxParts);
  private readonly acc = new Segment();
  private readonly piece = new Segment();
  private readonly scratch: number[] = [];

  constructor(private readonly s: Solution) {}

  /** Starts a candidate for route `route` (its end is added when pricing). */
  begin(route: number): this {
    this.route = route;
    this.parts = 0;
    this.acc.clear();
    return this;
  }

  private push(kind: Part, a: number, b = 0, c = 0): this {
    if (this.parts === maxParts) throw new Error('a candidate route has too many parts');
    this.kinds[this.parts] = kind;
    this.a[this.parts] = a;
    this.b[this.parts] = b;
    this.c[this.parts] = c;
    this.parts++;
    return this;
  }

  /** The route of `node` from its start through `node`. */
  prefix(node: number): this {
    if (this.parts === 0) this.acc.copy(this.s.forward[node] as Segment);
    else this.s.join(this.acc, this.acc, this.s.forward[node] as Segment);
    return this.push(Part.Prefix, node);
  }

  /** The route of `node` from `node` through its last stop (nothing when `node` is the end). */
  suffix(node: number): this {
    this.s.join(this.acc, this.acc, this.s.backward[node] as Segment);
    return this.push(Part.Suffix, node);
  }

  node(node: number): this {
    this.s.join(this.acc, this.acc, this.s.single[node] as Segment);
    return this.push(Part.Node, node);
  }

  /** Positions i..j (inclusive) of route r, in order. */
  range(r: number, i: number, j: number): this {
    const nodes = this.s.routes[r] as number[];
    for (let k = i; k <= j; k++) this.s.join(this.acc, this.acc, this.s.single[nodes[k] as number] as Segment);
    return this.push(Part.Range, r, i, j);
  }

  /** Positions j..i (inclusive) of route r, backwards. */
  reversed(r: number, i: number, j: number): this {
    const nodes = this.s.routes[r] as number[];
    for (let k = j; k >= i; k--) this.s.join(this.acc, this.acc, this.s.single[nodes[k] as number] as Segment);
    return this.push(Part.Reversed, r, i, j);
  }

  /** Whether the last priced candidate keeps every rule (no time warp, capacity kept). */
  feasible = false;

  /** Penalised cost of the candidate with its route's end appended. */
  price(): number {
    const s = this.s;
    const spec = s.problem.routes[this.route];
    if (!spec) return Infinity;
    const whole = s.join(this.piece, this.acc, s.single[spec.endNode] as Segment);
    const timeWarp = spec.simple ? whole.timeWarp : scheduleRoute(s.problem, spec, this.sequence(this.scratch)).timeWarp;
    this.feasible = timeWarp <= spec.baseTimeWarp && whole.load <= spec.maxLoad && whole.count <= spec.maxJobs;
    return s.penalise(this.route, whole, timeWarp);
  }

  /** The candidate's node sequence, end included. */
  sequence(into: number[] = []): number[] {
    const s = this.s;
    into.length = 0;
    for (let p = 0; p < this.parts; p++) {
      const a = this.a[p] as number;
      switch (this.kinds[p] as Part) {
        case Part.Prefix: {
          const nodes = s.routes[s.routeOf[a] as number] as number[];
          for (let k = 0; k <= (s.pos[a] as number); k++) into.push(nodes[k] as number);
          break;
        }
        case Part.Suffix: {
          const nodes = s.routes[s.routeOf[a] as number] as number[];
          for (let k = s.pos[a] as number; k < nodes.length - 1; k++) into.push(nodes[k] as number);
          break;
        }
        case Part.Node:
          into.push(a);
          break;
        case Part.Range: {
          const nodes = s.routes[a] as number[];
          for (let k = this.b[p] as number; k <= (this.c[p] as number); k++) into.push(nodes[k] as number);
          break;
        }
        case Part.Reversed: {
          const nodes = s.routes[a] as number[];
          for (let k = this.c[p] as number; k >= (this.b[p] as number); k--) into.push(nodes[k] as number);
          break;
        }
      }
    }
    into.push((s.problem.routes[this.route] as { endNode: number }).endNode);
    return into;
  }
}
