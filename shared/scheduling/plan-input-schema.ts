import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { bookingStatuses } from '../domain/booking-status';
import { workingHoursIssues } from '../domain/working-hours';
import { maxBudgetMs } from './engine-options';
import { formatIssuePath } from './issue-path';

/**
 * The file format of `npm run plan -- <input.json>` (documented in docs/plan-command.md).
 * Instants are epoch ms or ISO strings with an offset (e.g. "2026-03-10T13:00:00Z").
 */
const instant = z
  .union([z.number(), z.iso.datetime({ offset: true })])
  .transform((v) => (typeof v === 'number' ? v : Date.parse(v)));

const latLng = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  id: z.string().optional(),
});

const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Expected a time HH:MM');
const localDate = z.iso.date();

const timeZone = z.string().refine(isKnownZone, { message: 'Expected an IANA time zone such as America/New_York' });

function isKnownZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

const span = z
  .object({ start: instant, end: instant })
  .refine((s) => s.end > s.start, { message: 'end must be after start' });

const localWindows = z.array(z.object({ start: clockTime, end: clockTime }));

const technician = z.object({
  id: z.string().min(1),
  name: z.string(),
  homeBase: latLng,
  territoryIds: z.array(z.string()),
  characteristics: z.record(z.string(), z.int().min(1).max(5)),
  timeZone,
  /** A window whose end is not after its start runs overnight and belongs to the day it starts (working-hours.ts). */
  weeklyHours: z
    .object({
      mon: localWindows.optional(),
      tue: localWindows.optional(),
      wed: localWindows.optional(),
      thu: localWindows.optional(),
      fri: localWindows.optional(),
      sat: localWindows.optional(),
      sun: localWindows.optional(),
    })
    .superRefine((hours, ctx) => {
      for (const issue of workingHoursIssues(hours)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }),
  timeOff: z.array(span).default([]),
  dailyCapacity: z.object({ maxJobs: z.int().positive().optional(), maxLoad: z.number().positive().optional() }).optional(),
  returnHome: z.boolean().optional(),
});

const job = z.object({
  id: z.string().min(1),
  durationMinutes: z.number().positive().max(24 * 60),
  requiredCharacteristics: z.array(z.object({ characteristicId: z.string(), minRating: z.int().min(1).max(5) })).default([]),
  territoryId: z.string(),
  location: latLng,
  timeZone,
  window: z
    .object({ earliestStart: instant, latestEnd: instant })
    .refine((w) => w.latestEnd > w.earliestStart, { message: 'latestEnd must be after earliestStart' })
    .optional(),
  load: z.number().nonnegative().optional(),
});

const booking = z.object({
  id: z.string().min(1),
  resourceId: z.string(),
  start: instant,
  end: instant,
  location: latLng,
  status: z.enum(bookingStatuses).default('scheduled'),
  pinned: z.boolean().optional(),
  load: z.number().nonnegative().optional(),
});

const travelEstimate = z.object({ km: z.number().nonnegative(), minutes: z.number().nonnegative() });

export const PlanInputSchema = z.object({
  technicians: z.array(technician).min(1),
  jobs: z.array(job),
  bookings: z.array(booking).default([]),
  options: z.object({
    days: z
      .array(localDate)
      .min(1)
      .max(62, 'plans at most 62 days at once')
      .refine((days) => new Set(days).size === days.length, 'lists a day twice'),
    budgetMs: z.number().nonnegative().max(maxBudgetMs).default(2000),
    roadFactor: z.number().positive().default(1.3),
    speedKmh: z.number().positive().default(50),
    seed: z.int().default(1),
    maxRounds: z.int().positive().optional(),
  }),
  /** fromLocationId → toLocationId → { km, minutes }; pairs missing fall back to great-circle. */
  matrix: z.record(z.string(), z.record(z.string(), travelEstimate)).optional(),
});

export type PlanInput = z.infer<typeof PlanInputSchema>;

export { formatIssuePath };

export type PlanInputParse = { ok: true; input: PlanInput } | { ok: false; errors: string[] };

/** Validates a parsed JSON document; every error names its field path. */
export function parsePlanInput(raw: unknown): PlanInputParse {
  const parsed = PlanInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`) };
}
