import type { TimeSpan } from './types';

/**
 * Working time: a technician's shifts of one working day minus time off (and minus what keeps
 * them busy on another day), as sorted, disjoint pieces. The rule every engine function
 * applies (match, freeSlots, autoAssign, planBatch): a visit lies inside one piece, and each
 * drive — from home base or the previous stop to a visit, from it to the next stop, and home
 * when the technician returns home — is done in one go inside one piece, at any time between
 * leaving and arriving (the technician may wait before or after driving, and takes a break
 * or time off where they are).
 */
export function subtractSpans(spans: readonly TimeSpan[], cuts: readonly TimeSpan[]): TimeSpan[] {
  let pieces = spans.map((s) => ({ start: s.start, end: s.end }));
  for (const cut of cuts) {
    if (cut.end <= cut.start) continue;
    const next: TimeSpan[] = [];
    for (const p of pieces) {
      if (cut.end <= p.start || cut.start >= p.end) {
        next.push(p);
        continue;
      }
      if (p.start < cut.start) next.push({ start: p.start, end: cut.start });
      if (cut.end < p.end) next.push({ start: cut.end, end: p.end });
    }
    pieces = next;
  }
  return pieces;
}

/** Earliest arrival of a drive of `travelMs` leaving no earlier than `depart` (−Infinity: any time), done inside one piece; Infinity when none fits. */
export function earliestArrival(pieces: readonly TimeSpan[], depart: number, travelMs: number): number {
  for (const p of pieces) {
    const arrive = Math.max(p.start, depart) + travelMs;
    if (arrive <= p.end) return arrive;
  }
  return Infinity;
}

/** Latest departure of a drive of `travelMs` arriving no later than `arriveBy` (Infinity: any time), done inside one piece; −Infinity when none fits. */
export function latestDeparture(pieces: readonly TimeSpan[], arriveBy: number, travelMs: number): number {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i] as TimeSpan;
    const leave = Math.min(p.end, arriveBy) - travelMs;
    if (leave >= p.start) return leave;
  }
  return -Infinity;
}

/** The earliest start ≥ `ready` at which a visit of `durationMs` fits inside one piece; Infinity when none. */
export function earliestVisitStart(pieces: readonly TimeSpan[], ready: number, durationMs: number): number {
  for (const p of pieces) {
    const start = Math.max(p.start, ready);
    if (start + durationMs <= p.end) return start;
  }
  return Infinity;
}

