import { z } from 'zod';
import { IdSchema } from './common';
import { NotificationSettingsSchema } from './notification-settings';

/**
 * The portal settings of SPEC.md (lead time, notice, bookable incident types, slot
 * granularity or arrival windows, survey). The slot fields are the ones the scheduling
 * engine reads (freeSlots); their bounds live here once, and the engine checks the same ones.
 */
const wholeMinutes = (what: string, max: number) =>
  z.number().int(`must be a whole number of ${what}`).min(1, `must be a whole number of ${what} from 1 to ${max}`).max(max, `must be a whole number of ${what} from 1 to ${max}`);

/** Offer a start every N minutes from local midnight: 1 to 1440. */
export const SlotGranularitySchema = wholeMinutes('minutes', 24 * 60);

/** 'HH:MM', or '24:00' as the end of the last window of a day. */
const WindowTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (24 h)');

export const ArrivalWindowSchema = z
  .object({ start: WindowTimeSchema, end: WindowTimeSchema })
  .refine((w) => w.end > w.start, { message: 'an arrival window ends after it starts (no overnight windows)', path: ['end'] });
export const ArrivalWindowsSchema = z.array(ArrivalWindowSchema).min(1, 'needs at least one arrival window');

export const LeadDaysSchema = z.number().int('must be a whole number of days').min(0, 'must not be negative').max(3660, 'must be at most 3660 days');
export const NoticeHoursSchema = z.number().min(0, 'must not be negative').max(24 * 3660, 'must be at most 87840 hours');

export const PortalSettingsSchema = z
  .object({
    minLeadDays: LeadDaysSchema,
    maxLeadDays: LeadDaysSchema,
    minNoticeHours: NoticeHoursSchema,
    bookableIncidentTypeIds: z.array(IdSchema),
    /** Exact start times on a grid, or arrival windows: one or the other. */
    slots: z.union([z.object({ granularityMinutes: SlotGranularitySchema }).strict(), z.object({ arrivalWindows: ArrivalWindowsSchema }).strict()]),
    surveyEnabled: z.boolean(),
    /** Booking e-mails switched off and the reminder lead; absent in rows saved before they were settings (the hub's options and defaults apply). */
    notifications: NotificationSettingsSchema.optional(),
  })
  .refine((s) => s.minLeadDays <= s.maxLeadDays, { message: 'the minimum lead time must not exceed the maximum', path: ['minLeadDays'] });
export type PortalSettings = z.infer<typeof PortalSettingsSchema>;

/** The one row that carries the portal settings (synced to consoles like any entity). */
export const PORTAL_SETTINGS_ID = 'portal';

export const PortalSettingsRowSchema = z.object({ id: z.literal(PORTAL_SETTINGS_ID), settings: PortalSettingsSchema, version: z.number().int().nonnegative() });
export type PortalSettingsRow = z.infer<typeof PortalSettingsRowSchema>;

/**
 * What the portal offers until an administrator saves settings: every incident type marked
 * portal-bookable, days from today to 30 days ahead, 4 hours' notice, 30-minute starts, survey on.
 */
export function defaultPortalSettings(portalBookableTypeIds: readonly string[]): PortalSettings {
  return {
    minLeadDays: 0,
    maxLeadDays: 30,
    minNoticeHours: 4,
    bookableIncidentTypeIds: [...portalBookableTypeIds],
    slots: { granularityMinutes: 30 },
    surveyEnabled: true,
  };
}
