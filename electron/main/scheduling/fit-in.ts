import type { FitInCandidate, FitInMove, FitInProblem, FitInProposal, PlacementJob } from '../../../shared/contract/dispatch-contract';
import { judgePlacement } from '../../../shared/mutations/placement-verdict';
import type { Stop } from '../../../shared/scheduling/day-context';
import { staticExclusion } from '../../../shared/scheduling/exclusion';
import { localDateOf } from '../../../shared/scheduling/local-time';
import { travelMs } from '../../../shared/scheduling/travel-model';
import type { ExistingBooking, LatLng, SchedulingResource, World } from '../../../shared/scheduling/types';
import { indexWorld, type WorldIndex } from '../../../shared/scheduling/world-index';
import type { VisitLabel } from '../db/queries/scheduling-queries';
import type { SchedulingWorlds } from './world-cache';

const DAY_MS = 86_400_000;
const FIVE_MINUTES = 5 * 60_000;
/** Proposed id of the urgent visit while it is judged (the real id is made when confirmed). */
const NEW_VISIT = '\u0000fit-in';

type VisitLabels = (bookingIds: readonly string[]) => Map<string, VisitLabel>;

interface Departure {
  kind: FitInCandidate['from']['kind'];
  stop: Stop | null;
  location: LatLng;
  at: number;
}

/**
 * "Fit in now": for each technician able to do the work (territory, skills), when they could be
 * there if they drove over as soon as their visit under way is done (or now, from the last
 * visit of the day or home base), the visits later that day pushed on as far as the drive
 * needs, and every rule the result would break. Ranked by arrival; fewer moves break ties.
 */
export function proposeFitIn(worlds: SchedulingWorlds, target: PlacementJob, now: number, labels: VisitLabels): FitInProposal {
  const world = worlds.world(now - DAY_MS, now + 2 * DAY_MS);
  const index = indexWorld(world);
  const byId = new Map(world.bookings.map((b) => [b.id, b]));
  const candidates: FitInCandidate[] = [];
  let excluded = 0;
  for (const resource of index.resources) {
    if (staticExclusion(resource, target.job)) {
      excluded++;
      continue;
    }
    candidates.push(candidateFor(index, world, byId, resource, target, now, labels));
  }
  candidates.sort((a, b) => a.arrival - b.arrival || a.moves.length - b.moves.length || a.travelMinutes - b.travelMinutes || (a.resourceId < b.resourceId ? -1 : 1));
  return { target, now, candidates, excluded };
}

function candidateFor(
  index: WorldIndex,
  world: World,
  byId: Map<string, ExistingBooking>,
  resource: SchedulingResource,
  target: PlacementJob,
  now: number,
  labels: VisitLabels,
): FitInCandidate {
  const day = index.dayContext(resource.id, localDateOf(now, resource.timeZone));
  const departure = departureOf(day.dayStops, byId, resource, now, day.shifts);
  const travel = index.travel.between(departure.location, target.job.location);
  const arrival = departure.at + travelMs(travel);
  const start = Math.ceil(arrival / FIVE_MINUTES) * FIVE_MINUTES;
  const end = start + target.job.durationMinutes * 60_000;
  const later = day.dayStops.filter((s) => s !== departure.stop && s.start >= (departure.stop?.start ?? now) && byId.get(s.id)?.status === 'scheduled' && s.end > now);
  const shifted = pushOn(index, later, { location: target.job.location, end });
  const described = labels(shifted.map((s) => s.stop.id));
  const moves: FitInMove[] = shifted.map(({ stop, to }) => ({
    bookingId: stop.id,
    ...(described.get(stop.id) ?? { workOrderNumber: stop.id, accountName: '', contactName: null, version: 0 }),
    from: stop.start,
    to,
    pinned: byId.get(stop.id)?.pinned ?? false,
  }));
  return {
    resourceId: resource.id,
    resourceName: resource.name,
    from: { kind: departure.kind, workOrderNumber: departure.stop ? (labels([departure.stop.id]).get(departure.stop.id)?.workOrderNumber ?? null) : null },
    arrival,
    start,
    end,
    travelMinutes: Math.ceil(travel.minutes),
    travelKm: Math.round(travel.km * 10) / 10,
    moves,
    problems: problemsOf(world, resource, target, { start, end }, shifted, byId, labels),
  };
}

/** Where and when the technician can set off: after the visit under way, else now from the last visit or home. */
function departureOf(stops: readonly Stop[], byId: Map<string, ExistingBooking>, resource: SchedulingResource, now: number, shifts: readonly { start: number; end: number }[]): Departure {
  const underWay = stops.filter((s) => {
    const status = byId.get(s.id)?.status;
    return status === 'in_progress' || status === 'traveling' || (s.start <= now && now < s.end && status === 'scheduled');
  });
  const current = underWay[underWay.length - 1];
  if (current) return { kind: 'current_visit', stop: current, location: current.location, at: Math.max(now, current.end) };
  const done = stops.filter((s) => s.end <= now);
  const last = done[done.length - 1];
  // Before the shift, the technician sets off when it starts.
  const shiftStart = shifts.find((s) => s.end > now)?.start ?? now;
  const at = Math.max(now, last ? now : shiftStart);
  return last ? { kind: 'last_visit', stop: last, location: last.location, at } : { kind: 'home', stop: null, location: resource.homeBase, at };
}

/** Later visits in order, each starting no earlier than the drive from the one before allows. */
function pushOn(index: WorldIndex, later: readonly Stop[], first: { location: LatLng; end: number }): { stop: Stop; to: number }[] {
  const moved: { stop: Stop; to: number }[] = [];
  let previous = first;
  for (const stop of later) {
    const earliest = previous.end + travelMs(index.travel.between(previous.location, stop.location));
    const to = stop.start >= earliest ? stop.start : Math.ceil(earliest / FIVE_MINUTES) * FIVE_MINUTES;
    if (to !== stop.start) moved.push({ stop, to });
    previous = { location: stop.location, end: to + (stop.end - stop.start) };
  }
  return moved;
}

/** Judges the new visit and every pushed one against the technician's day as it would be. */
function problemsOf(
  world: World,
  resource: SchedulingResource,
  target: PlacementJob,
  visit: { start: number; end: number },
  shifted: readonly { stop: Stop; to: number }[],
  byId: Map<string, ExistingBooking>,
  labels: VisitLabels,
): FitInProblem[] {
  const movedTo = new Map(shifted.map((s) => [s.stop.id, s.to]));
  const bookings = world.bookings
    .filter((b) => b.resourceId === resource.id)
    .map((b) => {
      const to = movedTo.get(b.id);
      return to === undefined ? b : { ...b, start: to, end: to + (b.end - b.start) };
    });
  bookings.push({ id: NEW_VISIT, resourceId: resource.id, start: visit.start, end: visit.end, location: target.job.location, status: 'scheduled' });
  const index = indexWorld({ resources: [resource], bookings, ...(world.travel ? { travel: world.travel } : {}) });
  const problems: FitInProblem[] = [];
  const verdict = judgePlacement(index, { job: target.job, resourceId: resource.id, start: visit.start, promisedWindow: target.promisedWindow, ignoreBookingId: NEW_VISIT });
  if (!verdict.allowed) problems.push({ workOrderNumber: target.workOrderNumber, rule: verdict.rule, message: verdict.message, overridable: verdict.overridable });
  const names = labels(shifted.map((s) => s.stop.id));
  for (const { stop, to } of shifted) {
    const job = { ...target.job, id: stop.id, location: stop.location, durationMinutes: Math.round((stop.end - stop.start) / 60_000), requiredCharacteristics: [], territoryId: resource.territoryIds[0] ?? '' };
    const moved = judgePlacement(index, { job, resourceId: resource.id, start: to, promisedWindow: null, ignoreBookingId: stop.id });
    const number = names.get(stop.id)?.workOrderNumber ?? stop.id;
    if (!moved.allowed) problems.push({ workOrderNumber: number, rule: moved.rule, message: moved.message, overridable: moved.overridable });
    if (byId.get(stop.id)?.pinned) problems.push({ workOrderNumber: number, rule: 'pinned', message: 'This visit is pinned; moving it needs an override.', overridable: true });
  }
  return problems;
}
