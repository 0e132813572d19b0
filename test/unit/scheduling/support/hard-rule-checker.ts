/**
 * An independent checker of the hard rules, written without the engine's code: local
 * times come from Intl (not Temporal), previous/next sites are found by scanning all
 * bookings. Used by the property tests to judge the engine's answers.
 *
 * The rules (docs/plan-command.md, "Rules"): a visit lies in one shift of the working day it
 * belongs to (an overnight shift belongs to the day it starts), clear of time off and other
 * bookings; each drive (from home base or the previous stop of that working day, to the next
 * stop, and home for a technician who returns home) is made in one go inside working time
 * (the shifts minus time off); daily capacity counts the stops of that working day.
 */
import type { ExistingBooking, LatLng, SchedulingJob, SchedulingResource, TravelModel } from '../../../../shared/scheduling/index';

export interface Visit {
  resourceId: string;
  start: number;
  end: number;
  location: LatLng;
  load?: number;
}

interface Span {
  start: number;
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(t: number, zone: string): Record<string, string> {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
}

/** Local date and minutes since local midnight (wall clock) of an instant. */
export function wallClock(t: number, zone: string): { date: string; minute: number } {
  const p = parts(t, zone);
  return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** The zone's UTC offset (ms) at an instant, from Intl's wall clock (whole seconds). */
function offsetAt(t: number, zone: string): number {
  const p = parts(t, zone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(t / 1000) * 1000;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a wall-clock time is read on a date; a skipped time moves forward by the jump, a repeated one takes the earlier. */
function instantOf(date: string, hhmm: string, zone: string): number {
  if (hhmm === '24:00') return instantOf(shiftDate(date, 1), '00:00', zone);
  const wall = Date.parse(`${date}T${hhmm}:00Z`);
  const before = offsetAt(wall - 86_400_000 / 2, zone);
  const after = offsetAt(wall + 86_400_000 / 2, zone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, zone) === wall - t).sort((a, b) => a - b);
  return valid[0] ?? wall - before;
}

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function weekdayOf(date: string): (typeof weekdayKeys)[number] {
  return weekdayKeys[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'sun';
}

/** A date's shifts as instants (overnight ones end the next day). */
function shiftsOf(resource: SchedulingResource, date: string): Span[] {
  return (resource.weeklyHours[weekdayOf(date)] ?? []).map((w) => ({
    start: instantOf(date, w.start, resource.timeZone),
    end: instantOf(w.end !== '24:00' && w.end <= w.start ? shiftDate(date, 1) : date, w.end, resource.timeZone),
  }));
}

/** The span of start instants a working date owns: from local midnight (or the end of the previous night) to the next. */
function ownSpan(resource: SchedulingResource, date: string): Span {
  const lastEnd = (d: string) => Math.max(instantOf(shiftDate(d, 1), '00:00', resource.timeZone), ...shiftsOf(resource, d).map((s) => s.end));
  return { start: lastEnd(shiftDate(date, -1)), end: lastEnd(date) };
}

function minus(spans: Span[], cuts: Span[]): Span[] {
  let pieces = spans;
  for (const c of cuts) {
    pieces = pieces.flatMap((p) => (c.end <= p.start || c.start >= p.end ? [p] : [...(p.start < c.start ? [{ start: p.start, end: c.start }] : []), ...(c.end < p.end ? [{ start: c.end, end: p.end }] : [])]));
  }
  return pieces;
}

/** Whether a drive of `ms` fits in one go in a piece of working time between `from` and `to`. */
function driveFits(working: Span[], from: number, to: number, ms: number): boolean {
  return working.some((p) => Math.max(p.start, from) + ms <= Math.min(p.end, to));
}

const ceilMs = (minutesFloat: number) => Math.ceil(minutesFloat * 60_000);

/** The working date a start belongs to, or null outside every working day's span. */
function workDateOf(resource: SchedulingResource, start: number): string | null {
  const localDate = wallClock(start, resource.timeZone).date;
  return (
    [shiftDate(localDate, -1), localDate].find((d) => {
      const own = ownSpan(resource, d);
      return own.start <= start && start < own.end;
    }) ?? null
  );
}

/** Where the technician drives from to a visit at `start`: the previous booking of that working day, or home base. */
export function originOf(resource: SchedulingResource, bookings: readonly ExistingBooking[], start: number): LatLng {
  const date = workDateOf(resource, start);
  const own = date ? ownSpan(resource, date) : { start, end: start };
  const before = bookings
    .filter((b) => b.resourceId === resource.id && b.status !== 'canceled' && b.start >= own.start && b.start < own.end && b.end <= start)
    .sort((a, b) => b.end - a.end)[0];
  return before ? before.location : resource.homeBase;
}

/** Returns the broken rule's code, or null when the visit keeps every hard rule. */
export function brokenRule(
  visit: Visit,
  job: Pick<SchedulingJob, 'territoryId' | 'requiredCharacteristics'>,
  resource: SchedulingResource,
  others: readonly ExistingBooking[],
  travel: TravelModel,
): string | null {
  if (!resource.territoryIds.includes(job.territoryId)) return 'territory';
  if (job.requiredCharacteristics.some((c) => (resource.characteristics[c.characteristicId] ?? 0) < c.minRating)) return 'skill';
  const date = workDateOf(resource, visit.start);
  if (!date) return 'working_hours';
  const own = ownSpan(resource, date);
  const shifts = minus(shiftsOf(resource, date), [{ start: -Infinity, end: own.start }]);
  if (!shifts.some((s) => s.start <= visit.start && visit.end <= s.end)) return 'working_hours';
  if (resource.timeOff.some((t) => t.start < visit.end && visit.start < t.end)) return 'time_off';
  const mine = others.filter((b) => b.resourceId === resource.id && b.status !== 'canceled');
  if (mine.some((b) => b.start < visit.end && visit.start < b.end)) return 'overlap';
  const sameDay = mine.filter((b) => b.start >= own.start && b.start < own.end);
  const otherDays = mine.filter((b) => b.start < own.start);
  const working = minus(shifts, [...resource.timeOff, ...otherDays]);
  const before = sameDay.filter((b) => b.end <= visit.start).sort((a, b) => b.end - a.end)[0];
  const after = sameDay.filter((b) => b.start >= visit.end).sort((a, b) => a.start - b.start)[0];
  const travelIn = ceilMs(travel.between(before ? before.location : resource.homeBase, visit.location).minutes);
  if (!driveFits(working, before ? before.end : -Infinity, visit.start, travelIn)) return 'travel_before';
  if (after && !driveFits(working, visit.end, after.start, ceilMs(travel.between(visit.location, after.location).minutes))) return 'travel_after';
  if (!after && resource.returnHome && !driveFits(working, visit.end, Infinity, ceilMs(travel.between(visit.location, resource.homeBase).minutes))) return 'travel_after';
  const cap = resource.dailyCapacity;
  if (cap?.maxJobs !== undefined && sameDay.length + 1 > cap.maxJobs) return 'capacity';
  const load = sameDay.reduce((sum, b) => sum + (b.load ?? 1), 0) + (visit.load ?? 1);
  if (cap?.maxLoad !== undefined && load > cap.maxLoad) return 'capacity';
  return null;
}
