import type { Availability, AvailabilityCandidate, PlacementJob } from '../../../shared/contract/dispatch-contract';
import { autoAssign } from '../../../shared/scheduling/auto-assign';
import { resourceRanges } from '../../../shared/scheduling/free-slots';
import type { StartRange } from '../../../shared/scheduling/intervals';
import type { SchedulingJob, World } from '../../../shared/scheduling/types';
import { indexWorld, type WorldIndex } from '../../../shared/scheduling/world-index';
import type { SchedulingWorlds } from './world-cache';

const DAY_MS = 86_400_000;
const QUARTER_MS = 15 * 60_000;
const SHOWN_STARTS = 8;

export type AvailabilityWhen = { from: number; to: number } | { at: number };

/**
 * "Find availability": every technician ranked by the engine for the work, as autoAssign ranks
 * them (shortest travel, then the lighter day), with the engine's own explanation of each and,
 * over a span, the free start times it found on the quarter hour. A booking being reassigned
 * leaves its own slot free. The promised window narrows a span search; at a chosen instant the
 * dispatcher's time stands (the window is checked when the change is made).
 */
export function findAvailability(worlds: SchedulingWorlds, target: PlacementJob, when: AvailabilityWhen): Availability {
  const around = 'at' in when ? { from: when.at - DAY_MS, to: when.at + DAY_MS } : { from: when.from - DAY_MS, to: when.to + DAY_MS };
  const world = withoutBooking(worlds.world(around.from, around.to), target.booking?.id);
  const span = 'at' in when ? null : searchSpan(target, when);
  const job: SchedulingJob & { start?: number } = 'at' in when ? { ...target.job, start: when.at } : { ...target.job, window: { earliestStart: span!.from, latestEnd: span!.to } };
  if (span && span.to - span.from < target.job.durationMinutes * 60_000) return { target, summary: 'The promised window leaves no time in the requested span.', candidates: [] };
  const { explanation } = autoAssign(job, world);
  const index = indexWorld(world);
  let rank = 0;
  const candidates = explanation.candidates.map((c): AvailabilityCandidate => {
    const matches = c.outcome !== 'excluded';
    const free = matches && span ? freeStarts(index, c.resourceId, target.job, span) : [];
    return {
      ...c,
      timeZone: index.resourceById.get(c.resourceId)?.timeZone ?? target.job.timeZone,
      rank: matches ? ++rank : null,
      freeStarts: free.slice(0, SHOWN_STARTS),
      moreFreeStarts: Math.max(0, free.length - SHOWN_STARTS),
    };
  });
  return { target, summary: explanation.summary, candidates };
}

/** The span asked for, narrowed to starts inside the promised window (a visit may end after it). */
function searchSpan(target: PlacementJob, span: { from: number; to: number }): { from: number; to: number } {
  if (!target.promisedWindow) return span;
  const latestEnd = target.promisedWindow.end + target.job.durationMinutes * 60_000;
  return { from: Math.max(span.from, target.promisedWindow.start), to: Math.min(span.to, latestEnd) };
}

function withoutBooking(world: World, bookingId: string | undefined): World {
  return bookingId ? { ...world, bookings: world.bookings.filter((b) => b.id !== bookingId) } : world;
}

/** Feasible starts on the quarter hour (as a dispatcher offers them) that end inside the span. */
function freeStarts(index: WorldIndex, resourceId: string, job: SchedulingJob, span: { from: number; to: number }): number[] {
  const resource = index.resourceById.get(resourceId);
  if (!resource) return [];
  const latestStart = span.to - job.durationMinutes * 60_000;
  const starts: number[] = [];
  for (const range of resourceRanges(index, resource, job, span.from, latestStart) as StartRange[]) {
    for (let t = Math.ceil(range.lo / QUARTER_MS) * QUARTER_MS; t <= range.hi; t += QUARTER_MS) starts.push(t);
  }
  return starts;
}
