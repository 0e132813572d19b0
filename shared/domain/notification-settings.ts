import { z } from 'zod';

/** Every e-mail a booking change can cause; an administrator switches each on or off (Portal → Settings, docs/hub.md). */
export const notificationKinds = ['booking_confirmed', 'booking_moved', 'booking_canceled', 'technician_on_the_way', 'visit_completed', 'booking_reminder'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const NotificationKindSchema = z.enum(notificationKinds);

/** When the reminder goes out: N days before the visit at a local time in the account's zone, or N hours before. */
export type ReminderLead = { daysBefore: number; at: string } | { hoursBefore: number };

export const REMINDER_MAX_DAYS = 30;
export const REMINDER_MAX_HOURS = 720;

export const ReminderDaysSchema = z
  .number()
  .int(`must be a whole number of days from 0 to ${REMINDER_MAX_DAYS}`)
  .min(0, `must be a whole number of days from 0 to ${REMINDER_MAX_DAYS}`)
  .max(REMINDER_MAX_DAYS, `must be a whole number of days from 0 to ${REMINDER_MAX_DAYS}`);
export const ReminderHoursSchema = z
  .number()
  .int(`must be a whole number of hours from 1 to ${REMINDER_MAX_HOURS}`)
  .min(1, `must be a whole number of hours from 1 to ${REMINDER_MAX_HOURS}`)
  .max(REMINDER_MAX_HOURS, `must be a whole number of hours from 1 to ${REMINDER_MAX_HOURS}`);
export const ReminderTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

const DaysLeadSchema = z.object({ daysBefore: ReminderDaysSchema, at: ReminderTimeSchema }).strict();
const HoursLeadSchema = z.object({ hoursBefore: ReminderHoursSchema }).strict();

/**
 * The reminder lead as settings keep it; "0 days before at 08:00" is the morning of the visit.
 * Judged by the form it names (hoursBefore present: hours), so a refusal names the field and its
 * rule instead of a union's "invalid input".
 */
export const ReminderLeadSchema = z.unknown().transform((value, ctx): ReminderLead => {
  const hours = typeof value === 'object' && value !== null && Object.hasOwn(value, 'hoursBefore');
  const parsed = (hours ? HoursLeadSchema : DaysLeadSchema).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

/** The hub option's text form: "1d@17:00" (the day before at 17:00 in the account's zone) or "3h" (three hours before). */
export const ReminderTextSchema = z.union([
  z.string().regex(/^([0-9]|[1-2][0-9]|30)d@([01][0-9]|2[0-3]):[0-5][0-9]$/).transform((s): ReminderLead => ({ daysBefore: Number(s.split('d@')[0]), at: s.split('d@')[1]! })),
  z.string().regex(/^([1-9]|[1-9][0-9]|[1-6][0-9][0-9]|7[01][0-9]|720)h$/).transform((s): ReminderLead => ({ hoursBefore: Number(s.slice(0, -1)) })),
]);

/**
 * What an administrator decided about booking e-mails (part of the portal settings): the kinds
 * switched off (every other kind is sent) and when the reminder goes out.
 */
export const NotificationSettingsSchema = z
  .object({
    off: z.array(NotificationKindSchema).max(notificationKinds.length).refine((kinds) => new Set(kinds).size === kinds.length, 'names a kind twice'),
    reminder: ReminderLeadSchema,
  })
  .strict();
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** Until an administrator saves: every kind on, the reminder the day before at 17:00. */
export const defaultNotificationSettings: NotificationSettings = { off: [], reminder: { daysBefore: 1, at: '17:00' } };
