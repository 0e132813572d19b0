import { checked, FreeSlotsRequestSchema } from './engine-options';
import { staticExclusion } from './exclusion';
import { feasibleStarts } from './feasible-starts';
import { clipRanges } from './intervals';
import type { StartRange } from './intervals';
import { addDays, datesBetween, formatLocal, localDateOf, localDatesTouching, localTimeToEpoch, startOfLocalDay, wallClockGrid } from './local-time';
import type { LatLng, LocalWindow, RequiredCharacteristic, SchedulingJob, SchedulingResource, World } from './types';
import { indexWorld } from './world-index';
import type { WorldIndex } from './world-index';

/** Portal settings that shape which starts are offered. */
export interface SlotSettings {
  /** Offer a start every N minutes from local midnight (account zone). Default 30. Ignored when `arrivalWindows` is set. */
  granularityMinutes?: number;
  /** Offer local arrival windows instead of exact times; a window [start, end) is offered if some start inside it matches. */
  arrivalWindows?: LocalWindow[];
  /** Latest bookable date: today (account zone, from `now`) plus this many days. Default: no limit. */
  maxLeadDays?: number;
  /** Earliest bookable start: `now` plus this many hours. Default 0. */
  minNoticeHours?: number;
}

export interface FreeSlotsRequest {
  account: { location: LatLng; territoryId: string; timeZone: string };
  incidentType: { durationMinutes: number; requiredCharacteristics: RequiredCharacteristic[] };
  /** Account-local dates, inclusive. */
  from: string;
  to: string;
  /** "Now" in epoch ms: the engine never reads the clock. */
  now: number;
  settings?: SlotSettings;
  /** Restrict to one technician ("find availability"). */
  resourceId?: string;
}

export interface FreeSlot {
  kind: 'time' | 'window';
  /** Epoch ms: the start time, or the arrival window's start. */
  start: number;
  /** ISO with the account zone's offset, e.g. 2026-03-09T08:00:00-04:00. */
  startLocal: string;
  /** Epoch ms: start + duration, or the arrival window's end. */
  end: number;
  endLocal: string;
  /** Technicians that can take it, in the World's order. */
  resourceIds: string[];
}

const defaultGranularityMinutes = 30;

/** Every start (or arrival window) in the date range at which at least one technician matches. */
export function freeSlots(request: FreeSlotsRequest, world: World): FreeSlot[] {
  checked(FreeSlotsRequestSchema, request, 'slot request');
  const index = indexWorld(world);
  const job = jobForRequest(request);
  const candidates = index.resources.filter(
    (r) => (request.resourceId === undefined || r.id === request.resourceId) && !staticExclusion(r, job),
  );
  const bookable = bookableSpan(request);
  const slots: FreeSlot[] = [];
  for (const date of datesBetween(request.from, request.to)) {
    const zone = request.account.timeZone;
    const dayStart = startOfLocalDay(date, zone);
    const dayEnd = startOfLocalDay(addDays(date, 1), zone);
    const lo = Math.max(dayStart, bookable.from);
    const hi = Math.min(dayEnd - 1, bookable.to - 1);
    if (lo > hi) continue;
    const perResource = candidates.map((r) => ({ id: r.id, ranges: resourceRanges(index, r, job, lo, hi) }));
    const windows = request.settings?.arrivalWindows;
    slots.push(...(windows ? windowSlots(date, windows, perResource, zone) : timeSlots(date, perResource, job, request)));
  }
  return slots;
}

export function jobForRequest(request: FreeSlotsRequest): SchedulingJob {
  return {
    id: 'slot-request',
    durationMinutes: request.incidentType.durationMinutes,
    requiredCharacteristics: request.incidentType.requiredCharacteristics,
    territoryId: request.account.territoryId,
    location: request.account.location,
    timeZone: request.account.timeZone,
  };
}

/** [from, to): minimum notice and booking horizon as instants. */
function bookableSpan(request: FreeSlotsRequest): { from: number; to: number } {
  const settings = request.settings ?? {};
  const from = request.now + (settings.minNoticeHours ?? 0) * 3_600_000;
  if (settings.maxLeadDays === undefined) return { from, to: Infinity };
  const zone = request.account.timeZone;
  const lastDate = addDays(localDateOf(request.now, zone), settings.maxLeadDays);
  return { from, to: startOfLocalDay(addDays(lastDate, 1), zone) };
}

/**
 * Feasible starts of one technician between lo and hi, over each working day that can hold
 * them: the local dates touching that span and the one before (its night may reach into it).
 * Each day keeps only the starts it owns, so every start is judged by exactly one day, as in match.
 */
export function resourceRanges(index: WorldIndex, resource: SchedulingResource, job: SchedulingJob, lo: number, hi: number): StartRange[] {
  const ranges: StartRange[] = [];
  const dates = localDatesTouching(lo, hi + 1, resource.timeZone);
  // The first day starts where the previous day's night, if any, ends: that night reaches into the span.
  if (index.dayContext(resource.id, dates[0] as string).ownStart > lo) dates.unshift(addDays(dates[0] as string, -1));
  for (const date of dates) {
    const day = index.dayContext(resource.id, date);
    ranges.push(...clipRanges(feasibleStarts(day, job, index.travel), Math.max(lo, day.ownStart), Math.min(hi, day.ownEnd - 1)));
  }
  return ranges;
}

interface ResourceRanges {
  id: string;
  ranges: StartRange[];
}

/**
 * Starts on the wall-clock grid of the account's zone: every `granularityMinutes` from local
 * midnight, so a DST day shows the same times as any other (a time the clock skips is not
 * offered; a time it shows twice is offered at both instants).
 */
function timeSlots(date: string, perResource: ResourceRanges[], job: SchedulingJob, request: FreeSlotsRequest): FreeSlot[] {
  const step = request.settings?.granularityMinutes ?? defaultGranularityMinutes;
  const zone = request.account.timeZone;
  const durationMs = job.durationMinutes * 60_000;
  const grid = wallClockGrid(date, 0, step, zone);
  const ids: string[][] = grid.map(() => []);
  for (const { id, ranges } of perResource) {
    // Both sorted: walk them together.
    let g = 0;
    for (const r of ranges) {
      while (g < grid.length && (grid[g] as number) < r.lo) g++;
      for (; g < grid.length && (grid[g] as number) <= r.hi; g++) (ids[g] as string[]).push(id);
    }
  }
  const slots: FreeSlot[] = [];
  grid.forEach((start, g) => {
    const resourceIds = ids[g] as string[];
    if (resourceIds.length === 0) return;
    slots.push({ kind: 'time', start, startLocal: formatLocal(start, zone), end: start + durationMs, endLocal: formatLocal(start + durationMs, zone), resourceIds });
  });
  return slots;
}

function windowSlots(date: string, windows: LocalWindow[], perResource: ResourceRanges[], zone: string): FreeSlot[] {
  const slots: FreeSlot[] = [];
  for (const w of windows) {
    const start = localTimeToEpoch(date, w.start, zone);
    const end = localTimeToEpoch(date, w.end, zone);
    if (end <= start) continue; // a window the clock skips (spring forward) lasts no time at all
    const resourceIds = perResource.filter(({ ranges }) => ranges.some((r) => r.lo < end && r.hi >= start)).map((p) => p.id);
    if (resourceIds.length === 0) continue;
    slots.push({ kind: 'window', start, startLocal: formatLocal(start, zone), end, endLocal: formatLocal(end, zone), resourceIds });
  }
  return slots;
}
