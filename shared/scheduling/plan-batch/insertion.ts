import type { Route, Timing } from './route-timing';
import { addedFor, insertAt, retime, untimedAdded } from './plan-state';
import type { PlanState } from './plan-state';

export interface Insertion {
  routeIndex: number;
  seq: number[];
  timing: Timing;
  /** Change in added travel (minutes) if applied. */
  delta: number;
}

/** A route to insert into, as it is or as it would be (e.g. with the job being moved taken out). */
export interface InsertionTarget {
  routeIndex: number;
  seq: number[];
}

/**
 * Routes with fixed bookings whose planned sequence is at least this long use the cheap
 * detour estimate as a pre-filter and time only the `timedPerLongRoute` best positions.
 * Shorter ones have every position timed exactly.
 */
const longRoute = 10;
const timedPerLongRoute = 8;
/** Tolerance when comparing a detour estimate with an exactly computed delta (float sums). */
const estimateSlack = 1e-9;

interface Candidate {
  routeIndex: number;
  before: number[];
  position: number;
  detour: number;
}

/**
 * Cheapest feasible insertion of a job into any of its eligible routes, every route in its
 * current sequence except the one `seqOverride` replaces (relocate uses that to try a route
 * as it would be with the job removed).
 */
export function bestInsertion(state: PlanState, job: number, seqOverride?: InsertionTarget, blink?: () => boolean): Insertion | null {
  const targets = (state.eligible[job] ?? []).map((routeIndex) => ({
    routeIndex,
    seq: seqOverride?.routeIndex === routeIndex ? seqOverride.seq : (state.routes[routeIndex] as Route).seq,
  }));
  return bestInsertionInto(state, job, targets, blink);
}

/**
 * Cheapest feasible insertion of a job into one of `targets`, exact:
 *  - On a day without fixed bookings the added travel of an insertion *is* its detour
 *    (travel runs home → planned visits in sequence order), so positions are timed in
 *    detour order and the first feasible one is the cheapest of all such positions; any
 *    position whose detour cannot beat the best found is not timed at all.
 *  - On a day with fixed bookings the detour is only an estimate (the fixed stops interleave
 *    by time), so every position is timed exactly while the planned sequence is short
 *    (< `longRoute`); for long sequences the estimate pre-filters to the best few positions.
 * `blink`, when given, is asked once per position and skips it when it answers true: ruin and
 * recreate uses a small random blink rate so that ties and near-ties do not always resolve
 * the same way (e.g. always onto the first of two technicians with the same home base).
 */
export function bestInsertionInto(state: PlanState, job: number, targets: readonly InsertionTarget[], blink?: () => boolean): Insertion | null {
  const free: Candidate[] = [];
  const booked: Candidate[] = [];
  for (const { routeIndex, seq } of targets) {
    const route = state.routes[routeIndex] as Route;
    const list: Candidate[] = [];
    for (let position = 0; position <= seq.length; position++) {
      list.push({ routeIndex, before: seq, position, detour: detour(state, routeIndex, seq, position, job) });
    }
    if (route.day.dayStops.length === 0) {
      free.push(...list);
    } else if (seq.length < longRoute) {
      booked.push(...list);
    } else {
      booked.push(...list.sort(byDetour).slice(0, timedPerLongRoute));
    }
  }
  let best: Insertion | null = null;
  const addedBefore = new Map<number, number>();
  const currentAdded = (routeIndex: number, before: number[]): number => {
    const known = addedBefore.get(routeIndex);
    if (known !== undefined) return known;
    const route = state.routes[routeIndex] as Route;
    const added =
      before === route.seq
        ? addedFor(route, before.length, route.timing)
        : (untimedAdded(state, routeIndex, before) ?? addedFor(route, before.length, retime(state, routeIndex, before)));
    addedBefore.set(routeIndex, added);
    return added;
  };
  const consider = (c: Candidate) => {
    if (blink?.()) return;
    const route = state.routes[c.routeIndex] as Route;
    const seq = insertAt(c.before, c.position, job);
    const timing = retime(state, c.routeIndex, seq);
    if (!timing.feasible) return;
    const delta = addedFor(route, seq.length, timing) - currentAdded(c.routeIndex, c.before);
    if (!best || delta < best.delta) best = { routeIndex: c.routeIndex, seq, timing, delta };
  };
  booked.forEach(consider);
  free.sort(byDetour);
  for (const c of free) {
    if (c.detour === Infinity) break;
    if (best && c.detour > (best as Insertion).delta + estimateSlack) break;
    consider(c);
  }
  return best;
}

function byDetour(a: Candidate, b: Candidate): number {
  return a.detour - b.detour || a.routeIndex - b.routeIndex || a.position - b.position;
}

function detour(state: PlanState, routeIndex: number, seq: readonly number[], position: number, job: number): number {
  const route = state.routes[routeIndex] as Route;
  const at = (i: number) => state.jobs[seq[i] as number]?.location;
  const prev = position === 0 ? route.day.resource.homeBase : at(position - 1);
  const next = position < seq.length ? at(position) : undefined;
  const site = state.jobs[job]?.location;
  if (!prev || !site) return Infinity;
  const into = state.travel.between(prev, site).minutes;
  if (!next) return into;
  const value = into + state.travel.between(site, next).minutes - state.travel.between(prev, next).minutes;
  return Number.isNaN(value) ? Infinity : value;
}
