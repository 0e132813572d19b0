import { z } from 'zod';
import { ArrivalWindowsSchema, LeadDaysSchema, NoticeHoursSchema, SlotGranularitySchema } from '../domain/portal-settings';
import { formatIssuePath } from './issue-path';

/**
 * Checks of what callers pass to the engine, at its boundary: an option the engine cannot
 * honour (a negative granularity, an empty list of days, NaN) is refused with every field at
 * fault named, rather than looping, answering nothing or planning nonsense.
 */
export class SchedulingInputError extends Error {
  constructor(
    what: string,
    readonly issues: string[],
  ) {
    super(`Invalid ${what}: ${issues.join('; ')}`);
    this.name = 'SchedulingInputError';
  }
}

/** Parses `value` with `schema` or throws a SchedulingInputError naming each field at fault. */
export function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new SchedulingInputError(what, parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`));
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
export const InstantSchema = finite;
export const LocalDateSchema = z.iso.date('must be a real date YYYY-MM-DD');
export const DurationMinutesSchema = finite.refine((m) => m > 0 && m <= 24 * 60, 'must be more than 0 and at most 1440 minutes');

const latLng = z.object({ lat: finite.refine((v) => Math.abs(v) <= 90, 'must be a latitude'), lng: finite.refine((v) => Math.abs(v) <= 180, 'must be a longitude') }).loose();

export const SchedulingJobSchema = z
  .object({
    id: z.string().min(1),
    durationMinutes: DurationMinutesSchema,
    requiredCharacteristics: z.array(z.object({ characteristicId: z.string(), minRating: finite })),
    territoryId: z.string(),
    location: latLng,
    timeZone: z.string().min(1),
    window: z
      .object({ earliestStart: InstantSchema, latestEnd: InstantSchema })
      .refine((w) => w.latestEnd > w.earliestStart, { message: 'latestEnd must be after earliestStart', path: ['latestEnd'] })
      .optional(),
    load: finite.refine((v) => v >= 0, 'must not be negative').optional(),
    start: InstantSchema.optional(),
  })
  .loose();

/** Portal slot settings as the engine reads them: the bounds of the domain's portal settings. */
export const SlotSettingsSchema = z
  .object({
    granularityMinutes: SlotGranularitySchema.optional(),
    arrivalWindows: ArrivalWindowsSchema.optional(),
    maxLeadDays: LeadDaysSchema.optional(),
    minNoticeHours: NoticeHoursSchema.optional(),
  })
  .strict();

/** Longest span one freeSlots call may cover (a portal asks for a day or a week). */
const maxSlotDays = 366;

export const FreeSlotsRequestSchema = z
  .object({
    account: z.object({ location: latLng, territoryId: z.string(), timeZone: z.string().min(1) }).loose(),
    incidentType: z.object({ durationMinutes: DurationMinutesSchema, requiredCharacteristics: z.array(z.object({ characteristicId: z.string(), minRating: finite })) }).loose(),
    from: LocalDateSchema,
    to: LocalDateSchema,
    now: InstantSchema,
    settings: SlotSettingsSchema.optional(),
    resourceId: z.string().optional(),
  })
  .refine((r) => r.to >= r.from, { message: 'must not be before from', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) < maxSlotDays * 86_400_000, { message: `must be less than ${maxSlotDays} days after from`, path: ['to'] });

export const CandidateTimeSchema = z.union([
  z.object({ at: InstantSchema }),
  z.object({ day: LocalDateSchema }),
  z.object({ from: InstantSchema, to: InstantSchema }).refine((s) => s.to > s.from, { message: 'must be after from', path: ['to'] }),
]);

/** Longest budget the planner accepts: ten minutes. */
export const maxBudgetMs = 600_000;

export const PlanBatchOptionsSchema = z
  .object({
    days: z
      .array(LocalDateSchema)
      .min(1, 'needs at least one day to plan')
      .max(62, 'plans at most 62 days at once')
      .refine((days) => new Set(days).size === days.length, 'lists a day twice'),
    budgetMs: finite.refine((v) => v >= 0 && v <= maxBudgetMs, `must be from 0 to ${maxBudgetMs} ms`).optional(),
    clock: z.custom<() => number>((v) => typeof v === 'function', 'must be a function').optional(),
    seed: z.int('must be a whole number').optional(),
    maxRounds: z.int('must be a whole number').min(1, 'must be at least 1').optional(),
  })
  .strict();
