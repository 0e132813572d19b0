/**
 * Time-window segments (Vidal et al. 2013, "A hybrid genetic algorithm with adaptive
 * diversity management for a large class of vehicle routing problems with time windows"):
 * a sequence of stops summarised by its duration, time warp and the window in which it can
 * start without waiting or warping. Two segments concatenate in O(1), so a move is timed
 * from the prefix and suffix data of the routes it touches instead of re-timing them.
 */
export class Segment {
  /** First and last node (for the drive between two segments). */
  first = -1;
  last = -1;
  duration = 0;
  timeWarp = 0;
  early = 0;
  late = 0;
  cost = 0;
  load = 0;
  /** Visits and bookings (daily job capacity counts both). */
  count = 0;
  /** Fixed bookings inside: a segment holding one cannot move to another technician. */
  fixed = 0;

  get empty(): boolean {
    return this.first < 0;
  }

  clear(): this {
    this.first = -1;
    this.last = -1;
    return this;
  }

  copy(from: Segment): this {
    this.first = from.first;
    this.last = from.last;
    this.duration = from.duration;
    this.timeWarp = from.timeWarp;
    this.early = from.early;
    this.late = from.late;
    this.cost = from.cost;
    this.load = from.load;
    this.count = from.count;
    this.fixed = from.fixed;
    return this;
  }
}

/**
 * this ⊕ b with a drive of `travel` ms costing `cost` between them, written into `out`
 * (which may be `a` or `b`). An empty side is the identity.
 */
export function concat(out: Segment, a: Segment, b: Segment, travel: number, cost: number): Segment {
  if (a.empty) return out.copy(b);
  if (b.empty) return out.copy(a);
  const atEdge = a.duration - a.timeWarp + travel;
  const wait = Math.max(b.early - atEdge - a.late, 0);
  const warp = Math.max(a.early + atEdge - b.late, 0);
  const early = Math.max(b.early - atEdge, a.early) - wait;
  const late = Math.min(b.late - atEdge, a.late) + warp;
  out.duration = a.duration + b.duration + travel + wait;
  out.timeWarp = a.timeWarp + b.timeWarp + warp;
  out.early = early;
  out.late = late;
  out.cost = a.cost + b.cost + cost;
  out.load = a.load + b.load;
  out.count = a.count + b.count;
  out.fixed = a.fixed + b.fixed;
  out.first = a.first;
  out.last = b.last;
  return out;
}
