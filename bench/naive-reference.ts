/**
 * Naive reference implementations for the scheduling benchmark: correct in spirit, but they
 * scan every booking for every candidate. Not for production use.
 */
import { match, defaultTravel } from '../shared/scheduling/index';
import type { SchedulingJob, World } from '../shared/scheduling/index';

/** Slots by checking all bookings for every candidate start and technician. */
export function naiveFreeSlots(job: SchedulingJob, world: World, dayStart: number, stepMinutes: number): number[] {
  const starts: number[] = [];
  const fresh = (): World => ({ ...world }); // defeats the engine's per-World index: rebuilt per call
  for (let t = dayStart; t < dayStart + 24 * 3_600_000; t += stepMinutes * 60_000) {
    const end = t + job.durationMinutes * 60_000;
    const free = world.resources.some((r) => !world.bookings.some((b) => b.resourceId === r.id && b.start < end && t < b.end));
    if (free && match(job, fresh(), t).some((m) => m.matches)) starts.push(t);
  }
  return starts;
}

/** Auto-assign by scanning all bookings per technician (no index). */
export function naiveAutoAssign(job: SchedulingJob, world: World, start: number): string | null {
  const end = start + job.durationMinutes * 60_000;
  let best: { id: string; km: number } | null = null;
  for (const r of world.resources) {
    if (!r.territoryIds.includes(job.territoryId)) continue;
    if (job.requiredCharacteristics.some((c) => (r.characteristics[c.characteristicId] ?? 0) < c.minRating)) continue;
    const mine = world.bookings.filter((b) => b.resourceId === r.id && b.status !== 'canceled');
    if (mine.some((b) => b.start < end && start < b.end)) continue;
    const prev = mine.filter((b) => b.end <= start && start - b.end < 12 * 3_600_000).sort((a, b) => b.end - a.end)[0];
    const km = defaultTravel.between(prev ? prev.location : r.homeBase, job.location).km;
    if (!best || km < best.km) best = { id: r.id, km };
  }
  return best?.id ?? null;
}

/** Nearest-neighbour routes: each technician repeatedly drives to the closest remaining job. */
export function nearestNeighbourTravel(jobs: SchedulingJob[], world: World, shiftMinutes: number): { travelMinutes: number; assigned: number } {
  const left = new Set(jobs);
  let travelMinutes = 0;
  let assigned = 0;
  for (const r of world.resources) {
    let at = r.homeBase;
    let used = 0;
    for (;;) {
      const eligible = [...left].filter((j) => r.territoryIds.includes(j.territoryId) && j.requiredCharacteristics.every((c) => (r.characteristics[c.characteristicId] ?? 0) >= c.minRating));
      const next = eligible.map((j) => ({ j, leg: defaultTravel.between(at, j.location) })).sort((a, b) => a.leg.minutes - b.leg.minutes)[0];
      if (!next || used + next.leg.minutes + next.j.durationMinutes > shiftMinutes) break;
      used += next.leg.minutes + next.j.durationMinutes;
      travelMinutes += next.leg.minutes;
      assigned++;
      left.delete(next.j);
      at = next.j.location;
    }
  }
  return { travelMinutes, assigned };
}
