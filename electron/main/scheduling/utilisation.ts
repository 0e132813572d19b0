import type { DayUtilisation, UtilisationLevel } from '../../../shared/contract/ipc-contract';
import { shiftsOn } from '../../../shared/scheduling/day-context';
import { localDatesTouching } from '../../../shared/scheduling/local-time';
import type { SchedulingResource, TimeSpan } from '../../../shared/scheduling/types';

/** A day of the board: its date and its span in the board's zone. */
export interface BoardDay {
  date: string;
  start: number;
  end: number;
}

/**
 * Share of the working time booked at which a day counts as full. Below it the day is "partly"
 * booked; a dispatcher still finds room for a short visit or two there, rarely above.
 */
export const FULL_SHARE = 0.85;

/**
 * How booked a technician is on each board day: booked visit minutes (overlaps counted twice,
 * since they are work to do) against working minutes (shifts in the technician's own zone,
 * less time off). Booked time on a day without working time is over-booked.
 */
export function utilisationOf(resource: Pick<SchedulingResource, 'timeZone' | 'weeklyHours' | 'timeOff'>, days: readonly BoardDay[], bookings: readonly TimeSpan[]): DayUtilisation[] {
  return days.map((day) => {
    const working = workingMinutes(resource, day);
    const booked = bookings.reduce((sum, b) => sum + overlapMinutes(b, day), 0);
    return { date: day.date, bookedMinutes: Math.round(booked), workingMinutes: Math.round(working), level: levelOf(booked, working) };
  });
}

export function levelOf(bookedMinutes: number, workingMinutes: number): UtilisationLevel {
  if (workingMinutes <= 0) return bookedMinutes > 0 ? 'over' : 'off';
  if (bookedMinutes <= 0) return 'free';
  const share = bookedMinutes / workingMinutes;
  if (share > 1) return 'over';
  return share >= FULL_SHARE ? 'fully' : 'partly';
}

function workingMinutes(resource: Pick<SchedulingResource, 'timeZone' | 'weeklyHours' | 'timeOff'>, day: BoardDay): number {
  let total = 0;
  const asResource = resource as SchedulingResource;
  for (const date of localDatesTouching(day.start, day.end, resource.timeZone)) {
    for (const shift of shiftsOn(asResource, date)) {
      const span = { start: Math.max(shift.start, day.start), end: Math.min(shift.end, day.end) };
      if (span.end <= span.start) continue;
      total += (span.end - span.start) / 60_000 - resource.timeOff.reduce((off, t) => off + overlapMinutes(t, span), 0);
    }
  }
  return Math.max(0, total);
}

function overlapMinutes(a: TimeSpan, b: TimeSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / 60_000;
}
