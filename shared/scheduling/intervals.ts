/**
 * Closed intervals of start instants [lo, hi] (epoch ms), kept sorted and disjoint.
 * They describe "every start in here is feasible", so both ends are inclusive.
 */
export interface StartRange {
  lo: number;
  hi: number;
}

export function clipRanges(ranges: StartRange[], lo: number, hi: number): StartRange[] {
  const clipped: StartRange[] = [];
  for (const r of ranges) {
    const a = Math.max(r.lo, lo);
    const b = Math.min(r.hi, hi);
    if (a <= b) clipped.push({ lo: a, hi: b });
  }
  return clipped;
}

/**
 * The first start ≥ `from` inside the ranges, or null. The engine has one time precision, the
 * millisecond of its instants: what is offered (a window with a feasible start in it) can
 * always be booked, and the planner never loses a tight route to rounding.
 */
export function firstStartFrom(ranges: readonly StartRange[], from: number): number | null {
  for (const r of ranges) {
    const start = Math.ceil(Math.max(r.lo, from));
    if (start <= r.hi) return start;
  }
  return null;
}
