import type { CaldavTargetBody } from '../../shared/contract/calendar-http';
import type { HubTx } from '../store/hub-store';
import { forgetAllCaldavEvents } from '../store/notifications/caldav-event-queries';
import { caldavTarget, saveCaldavTarget } from '../store/notifications/caldav-target-queries';

export const NEW_TARGET_NEEDS_PASSWORD = 'is required when setting up a new CalDAV target';

/** Credentials in the address would be sent and shown as part of it; they belong in the fields. Answers the reason, if any. */
export function credentialsInUrl(url: string): string | undefined {
  const parsed = new URL(url);
  return parsed.username || parsed.password ? 'must not contain a user name or password; use the username and password fields' : undefined;
}

/**
 * Saves the technician's CalDAV target (the route and the `hub caldav` command). A new address
 * or account is another calendar: what was pushed to the old one is forgotten (and left there),
 * and everything is published to the new one. A left-out password keeps the stored one.
 */
export async function saveTarget(tx: HubTx, resourceId: string, body: CaldavTargetBody): Promise<'saved' | 'no-technician' | 'no-password'> {
  if (!(await tx.get('resource', resourceId))) return 'no-technician';
  const existing = await caldavTarget(tx.sql, resourceId);
  const password = body.password ?? existing?.password;
  if (password === undefined) return 'no-password';
  if (existing && (existing.url !== body.url || existing.username !== body.username)) await forgetAllCaldavEvents(tx.sql, resourceId);
  await saveCaldavTarget(tx.sql, { resourceId, url: body.url, username: body.username, password, enabled: body.enabled }, Date.now());
  return 'saved';
}
