import type { z } from 'zod';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/**
 * The portal settings schema's messages (shared/domain/portal-settings.ts, notification-settings.ts and the change notice
 * of shared/mutations/incident-type-mutations.ts) in the reader's language. A message the
 * catalogue does not know is shown as the schema wrote it.
 */
const knownMessages: ReadonlyMap<string, MessageKey> = new Map([
  ['must be a whole number of days', 'portalSettings.error.wholeDays'],
  ['must not be negative', 'portalSettings.error.negative'],
  ['must be at most 3660 days', 'portalSettings.error.maxDays'],
  ['must be at most 87840 hours', 'portalSettings.error.maxHours'],
  ['must be a whole number of minutes', 'portalSettings.error.granularity'],
  ['must be a whole number of minutes from 1 to 1440', 'portalSettings.error.granularity'],
  ['must be HH:MM (24 h)', 'portalSettings.error.time'],
  ['an arrival window ends after it starts (no overnight windows)', 'portalSettings.error.windowOrder'],
  ['needs at least one arrival window', 'portalSettings.error.noWindows'],
  ['the minimum lead time must not exceed the maximum', 'portalSettings.error.leadOrder'],
  ['must be a whole number of hours from 0 to 720', 'portalSettings.error.changeNotice'],
  ['must be a whole number of days from 0 to 30', 'portalSettings.error.reminderDays'],
  ['must be a whole number of hours from 1 to 720', 'portalSettings.error.reminderHours'],
]);

/** Field path ("minLeadDays", "slots.arrivalWindows.1.end") → the first message for it. */
export type FieldErrors = ReadonlyMap<string, string>;

export function fieldErrors(issues: readonly z.core.$ZodIssue[], translate: (key: MessageKey) => string, prefix: readonly (string | number)[] = []): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map(String).join('.');
    if (errors.has(path)) continue;
    // An empty number field arrives as undefined: zod's own "expected number" then means "required"
    // (a fraction where a whole number is due is invalid_type too, but with the schema's message).
    const key = knownMessages.get(issue.message) ?? (issue.code === 'invalid_type' ? 'portalSettings.error.required' : undefined);
    errors.set(path, key ? translate(key) : issue.message);
  }
  return errors;
}
