import type { z } from 'zod';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/**
 * The CalDAV target schema's messages (shared/contract/calendar-http.ts CaldavTargetBodySchema)
 * in the reader's language, one per field; a message the catalogue does not know is shown as the
 * schema wrote it.
 */
const knownMessages: ReadonlyMap<string, MessageKey> = new Map([
  ['must be a full address such as https://calendar.example.com/dav/alex/work/', 'calendars.error.url'],
  ['must start with http:// or https://', 'calendars.error.scheme'],
  ['must be at most 2000 characters', 'calendars.error.tooLong'],
  ['is required', 'calendars.error.required'],
  ['must be at most 200 characters', 'calendars.error.tooLong'],
  ['must not be empty', 'calendars.error.required'],
  ['must be at most 500 characters', 'calendars.error.tooLong'],
]);

export function caldavFieldErrors(issues: readonly z.core.$ZodIssue[], translate: (key: MessageKey) => string): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (errors.has(field)) continue;
    const key = knownMessages.get(issue.message);
    errors.set(field, key ? translate(key) : issue.message);
  }
  return errors;
}
