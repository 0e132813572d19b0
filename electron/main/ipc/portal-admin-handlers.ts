import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { listContacts as queryContacts } from '../db/queries/contact-queries';
import { listNotifications as queryNotifications } from '../db/queries/notification-queries';
import { readPortalSettings } from '../db/queries/portal-settings-queries';
import type { ConsoleServices } from '../services';

/** Contacts → search, each with its portal role and newest invitation (issue or re-issue from there). */
export function listContacts(services: ConsoleServices, request: ParsedRequestOf<'listContacts'>): ResponseOf<'listContacts'> {
  return queryContacts(services.db, request);
}

/** Portal → Settings: the saved settings (or the defaults) with the version to send back, and the incident types. */
export function getPortalSettings(services: ConsoleServices, _request: ParsedRequestOf<'getPortalSettings'>): ResponseOf<'getPortalSettings'> {
  return readPortalSettings(services.db);
}

/** Portal → E-mails: what the hub sent, what waits and what failed (synced notifications). */
export function listNotifications(services: ConsoleServices, request: ParsedRequestOf<'listNotifications'>): ResponseOf<'listNotifications'> {
  return queryNotifications(services.db, request);
}
