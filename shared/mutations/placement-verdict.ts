import type { ExclusionCode } from '../scheduling/exclusion';
import { formatClock, localDateOf } from '../scheduling/local-time';
import { matchOnDay } from '../scheduling/match';
import type { SchedulingJob } from '../scheduling/types';
import type { WorldIndex } from '../scheduling/world-index';

/** Why a placement breaks a rule: one of the engine's rules, the customer's promised window, or a technician that does not exist. */
export type PlacementRule = ExclusionCode | 'promised_window' | 'unknown_resource';

export interface PlacementQuery {
  job: SchedulingJob;
  resourceId: string;
  start: number;
  /** The arrival window promised to the customer; the visit must start inside it. */
  promisedWindow: { start: number; end: number } | null;
  /** The booking being moved: it does not stand in its own way. */
  ignoreBookingId?: string | undefined;
}

export type PlacementVerdict =
  | { allowed: true; travelMinutes: number }
  | {
      allowed: false;
      rule: PlacementRule;
      message: string;
      /** Overlaps can never be overridden: a technician is never in two places at once. */
      overridable: boolean;
      travelMinutes: number;
    };

/**
 * Every scheduling rule for one visit on one technician at one time, as the hub judges it in
 * checkPlacement and as the console judges it while a booking is dragged: no overlap with
 * another booking (never waived, so checked first), then the engine's match
 * rules (territory, skills, working hours, time off, overlaps, travel from the previous and to
 * the next visit, capacity) and the customer's promised window. Pure: the caller indexes the world
 * once and asks as often as it likes.
 */
export function judgePlacement(index: WorldIndex, query: PlacementQuery): PlacementVerdict {
  const resource = index.resourceById.get(query.resourceId);
  if (!resource) return { allowed: false, rule: 'unknown_resource', message: `Technician ${query.resourceId} does not exist.`, overridable: false, travelMinutes: 0 };
  const day = withoutBooking(index.dayContext(resource.id, localDateOf(query.start, resource.timeZone)), query.ignoreBookingId);
  // An overlap first, whatever else is wrong: it is the one rule no override waives (the hub
  // checks it before anything else too), so a missing skill must not hide it.
  const end = query.start + query.job.durationMinutes * 60_000;
  const clash = day.busy.find((b) => b.start < end && query.start < b.end);
  if (clash) {
    const clock = (t: number) => formatClock(t, resource.timeZone);
    return { allowed: false, rule: 'overlap', message: sentence(`overlaps booking ${clash.id} (${clock(clash.start)}–${clock(clash.end)})`), overridable: false, travelMinutes: 0 };
  }
  const result = matchOnDay(day, query.job, query.start, index);
  const travelMinutes = Math.ceil(result.origin?.travel.minutes ?? 0);
  if (!result.matches) {
    const { code, message } = result.exclusion;
    return { allowed: false, rule: code, message: sentence(message), overridable: code !== 'overlap', travelMinutes };
  }
  const breach = promisedWindowBreach(query.promisedWindow, query.start, query.job.timeZone);
  if (breach) return { allowed: false, rule: 'promised_window', message: breach, overridable: true, travelMinutes };
  return { allowed: true, travelMinutes };
}

function withoutBooking<D extends { dayStops: readonly { id: string }[]; busy: readonly { id: string }[] }>(day: D, bookingId: string | undefined): D {
  if (!bookingId || !day.busy.some((s) => s.id === bookingId)) return day;
  return { ...day, dayStops: day.dayStops.filter((s) => s.id !== bookingId), busy: day.busy.filter((s) => s.id !== bookingId) };
}

/** The engine words its exclusions as predicates ("does not serve territory t-1"); a refusal reads as a sentence. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return text.endsWith('.') ? text : `${text}.`;
}

/** The arrival promised to the customer: the visit must start inside it. Shown in the account's zone, named. */
function promisedWindowBreach(window: { start: number; end: number } | null, start: number, timeZone: string): string | undefined {
  if (!window || (start >= window.start && start <= window.end)) return undefined;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return `The visit would start outside the arrival window promised to the customer (${format.formatRange(window.start, window.end)}, ${timeZone}).`;
}
