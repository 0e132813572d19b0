import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

/** Every e-mail a booking change can cause; an administrator switches each on or off (docs/hub.md). */
export const notificationKinds = ['booking_confirmed', 'booking_moved', 'booking_canceled', 'technician_on_the_way', 'visit_completed', 'booking_reminder'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const NotificationKindSchema = z.enum(notificationKinds);

/** When the reminder goes out: N days before the visit at a local time in the account's zone, or N hours before. */
export type ReminderLead = { daysBefore: number; at: string } | { hoursBefore: number };

export interface NotificationConfig {
  enabled: ReadonlySet<NotificationKind>;
  reminder: ReminderLead;
  /** A time change smaller than this is not announced as a move (the SPEC's 10 minutes). */
  moveThresholdMs: number;
}

export const defaultNotificationConfig: NotificationConfig = {
  enabled: new Set(notificationKinds),
  reminder: { daysBefore: 1, at: '17:00' },
  moveThresholdMs: 10 * 60_000,
};

const ReminderTextSchema = z.union([
  z.string().regex(/^([0-9]|[1-2][0-9]|30)d@([01][0-9]|2[0-3]):[0-5][0-9]$/).transform((s): ReminderLead => ({ daysBefore: Number(s.split('d@')[0]), at: s.split('d@')[1]! })),
  z.string().regex(/^([1-9]|[1-9][0-9]|[1-6][0-9][0-9]|7[01][0-9]|720)h$/).transform((s): ReminderLead => ({ hoursBefore: Number(s.slice(0, -1)) })),
]);

/** "1d@17:00" (the day before at 17:00 in the account's zone) or "3h" (three hours before); undefined when malformed. */
export function parseReminderLead(text: string): ReminderLead | undefined {
  const parsed = ReminderTextSchema.safeParse(text.trim());
  return parsed.success ? parsed.data : undefined;
}

/** Kinds named in a comma-separated list ("booking_moved,booking_reminder"); the unknown names are reported. */
export function parseKindList(text: string): { kinds: NotificationKind[]; unknown: string[] } {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const kinds: NotificationKind[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const parsed = NotificationKindSchema.safeParse(name);
    if (parsed.success) kinds.push(parsed.data);
    else unknown.push(name);
  }
  return { kinds, unknown };
}

/**
 * When the reminder of a visit starting at `start` is due: for "days before at a time", that
 * wall-clock time in the account's zone (DST-correct); null when it would already be past at
 * `now` (a visit booked after its reminder time gets no reminder: its confirmation just went out).
 */
export function reminderDueAt(lead: ReminderLead, start: number, zone: string, now: number): number | null {
  let due: number;
  if ('hoursBefore' in lead) {
    due = start - lead.hoursBefore * 3_600_000;
  } else {
    const visitDay = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone).toPlainDate();
    const day = visitDay.subtract({ days: lead.daysBefore });
    due = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(lead.at) }).epochMilliseconds;
  }
  return due > now && due < start ? due : null;
}
