/**
 * Rules on weekly working hours shared by the domain schema and the plan file: a period whose
 * end is not after its start runs overnight and belongs to the day it starts on ('22:00'–'06:00'
 * on Monday is Monday's night, ending Tuesday 06:00). A period needs a length, and a night
 * must end before the next day's first period starts (the two would claim the same hours).
 */
export const weekdayOrder = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayOrder)[number];

interface Period {
  start: string;
  end: string;
}

/** Minutes since midnight of 'HH:MM' ('24:00' is 1440). */
function minuteOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function isOvernight(period: Period): boolean {
  return minuteOf(period.end) < minuteOf(period.start);
}

export interface WorkingHoursIssue {
  path: (string | number)[];
  message: string;
}

/** Every problem of a week of working hours, each with the path of the period at fault. */
export function workingHoursIssues(hours: Partial<Record<WeekdayKey, readonly Period[] | undefined>>): WorkingHoursIssue[] {
  const issues: WorkingHoursIssue[] = [];
  weekdayOrder.forEach((day, d) => {
    const periods = hours[day] ?? [];
    const nextDay = weekdayOrder[(d + 1) % 7] as WeekdayKey;
    periods.forEach((p, i) => {
      if (minuteOf(p.start) === minuteOf(p.end) || minuteOf(p.start) === 24 * 60) {
        issues.push({ path: [day, i, 'end'], message: 'a period needs a length (an end before the start means overnight, e.g. 22:00–06:00)' });
        return;
      }
      if (!isOvernight(p)) return;
      const clash = (hours[nextDay] ?? []).find((q) => minuteOf(q.start) < minuteOf(p.end));
      if (clash) {
        issues.push({ path: [day, i, 'end'], message: `the night ${p.start}–${p.end} runs into ${nextDay} ${clash.start}–${clash.end}; end it by ${clash.start}` });
      }
    });
  });
  return issues;
}
