import { Temporal } from 'temporal-polyfill';
import { NotificationKindSchema, notificationKinds, ReminderTextSchema, type NotificationKind, type NotificationSettings, type ReminderLead } from '../../shared/domain/notification-settings';

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

/** What applies to one change: the saved settings (Portal → Settings) within the hub's options. */
export interface NotificationRules {
  enabled: ReadonlySet<NotificationKind>;
  reminder: ReminderLead;
}

/**
 * The hub options stay the operator's override: a kind is sent only when the saved settings have
 * it on AND the hub option does not switch it off. The reminder lead of saved settings wins over
 * the option's (which applies until an administrator saves one).
 */
export function notificationRules(config: NotificationConfig, saved: NotificationSettings | undefined): NotificationRules {
  if (!saved) return { enabled: config.enabled, reminder: config.reminder };
  return { enabled: new Set([...config.enabled].filter((kind) => !saved.off.includes(kind))), reminder: saved.reminder };
}

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
