import type { HubMigration } from './migration';
import { rowsAndSync } from './001-rows-and-sync';
import { usersAndSessions } from './002-users-and-sessions';
import { storeIdentity } from './003-store-identity';
import { relationalSchema } from './004-relational-schema';
import { workOrderComments } from './005-work-order-comments';
import { portal } from './006-portal';
import { notificationsAndCalendars } from './007-notifications-and-calendars';
import { technicianPhotos } from './008-technician-photos';
import { caldavPush } from './009-caldav-push';
import { portalOidc } from './010-portal-oidc';

/** Applied in this order on both engines; append new steps (with both forms), never edit a released one. */
export const hubMigrations: readonly HubMigration[] = [rowsAndSync, usersAndSessions, storeIdentity, relationalSchema, workOrderComments, portal, notificationsAndCalendars, technicianPhotos, caldavPush, portalOidc];
export type { HubMigration };
