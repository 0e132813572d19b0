/**
 * An independent checker of the hard rules, written without the engine's code: local
 * times come from Intl (not Temporal), previous/next sites are found by scanning all
 * bookings. Used by the property tests to judge the engine's answers.
 */
import type { ExistingBooking, LatLng, SchedulingJob, SchedulingResource, TravelModel } from '../../../../shared/scheduling/index';

export interface Visit {
  resourceId: string;
  start: number;
  end: number;
  location: LatLng;
  load?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local date and minutes since local midnight (wall clock) of an instant. */
export function wallClock(t: number, zone: string): { date: string; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function weekdayOf(date: string): (typeof weekdayKeys)[number] {
  return weekdayKeys[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'sun';
}

const ceilMs = (minutesFloat: number) => Math.ceil(minutesFloat * 60_000);

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
  const zone = resource.timeZone;
  const s = wallClock(visit.start, zone);
  const e = wallClock(visit.end, zone);
  const endMinute = e.date === s.date ? e.minute : e.minute === 0 ? 24 * 60 : -1;
  const window = (resource.weeklyHours[weekdayOf(s.date)] ?? []).find((w) => toMinute(w.start) <= s.minute && endMinute <= toMinute(w.end) && endMinute >= 0);
  if (!window) return 'working_hours';
  const mine = others.filter((b) => b.resourceId === resource.id && b.status !== 'canceled');
  if (mine.some((b) => b.start < visit.end && visit.start < b.end)) return 'overlap';
  const sameDay = mine.filter((b) => wallClock(b.start, zone).date === s.date);
  const before = sameDay.filter((b) => b.end <= visit.start).sort((a, b) => b.end - a.end)[0];
  const after = sameDay.filter((b) => b.start >= visit.end).sort((a, b) => a.start - b.start)[0];
  const travelIn = ceilMs(travel.between(before ? before.location : resource.homeBase, visit.location).minutes);
  const travelOut = after ? ceilMs(travel.between(visit.location, after.location).minutes) : 0;
  if (before && before.end + travelIn > visit.start) return 'travel_before';
  if (!before) {
    const leave = wallClock(visit.start - travelIn, zone);
    if (leave.date !== s.date || leave.minute < toMinute(window.start)) return 'travel_before';
  }
  if (after && visit.end + travelOut > after.start) return 'travel_after';
  const busyWith = (from: number, to: number) => resource.timeOff.some((t) => t.start < to && from < t.end);
  if (busyWith(visit.start - travelIn, visit.end + travelOut)) return 'time_off';
  if (before && busyWith(before.end, before.end + travelIn)) return 'time_off';
  if (after && busyWith(after.start - travelOut, after.start)) return 'time_off';
  const cap = resource.dailyCapacity;
  if (cap?.maxJobs !== undefined && sameDay.length + 1 > cap.maxJobs) return 'capacity';
  const load = sameDay.reduce((sum, b) => sum + (b.load ?? 1), 0) + (visit.load ?? 1);
  if (cap?.maxLoad !== undefined && load > cap.maxLoad) return 'capacity';
  return null;
}
