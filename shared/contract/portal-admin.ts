import { z } from 'zod';
import { notificationStates, type Notification } from '../domain/notification';
import type { Invitation } from '../domain/entities';
import type { PortalSettings } from '../domain/portal-settings';
import { method } from './contract-method';

/**
 * The console side of the customer portal: the contacts list (with each one's portal role and
 * latest invitation) and the portal settings form's data. Changes go through the shared
 * mutations (issueInvitation, setPortalRole, savePortalSettings) like every other write.
 */

export const CONTACT_PAGE_SIZE = 50;

export const ContactListRequestSchema = z
  .object({
    /** Part of a name, an e-mail or an account name; empty: everyone. */
    query: z.string().trim().max(200, 'a search may hold at most 200 characters').default(''),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(200).default(CONTACT_PAGE_SIZE),
  })
  .strict();

export interface ContactInvitation {
  id: string;
  state: Invitation['state'];
  createdAt: number;
  expiresAt: number;
  issuedBy: string;
  /** Made on this computer and not yet accepted by the hub (it sends the e-mail once it has it). */
  awaitingHub: boolean;
}

export interface ContactListItem {
  id: string;
  name: string;
  email: string;
  accountId: string;
  accountName: string;
  /** Has the "Web API User" role, without which the portal refuses sign-in. */
  portalRole: boolean;
  /** Has redeemed an invitation (a portal profile exists). */
  hasPortalProfile: boolean;
  /** The newest invitation, or null when none was ever issued. */
  invitation: ContactInvitation | null;
  invitationCount: number;
}

export interface ContactList {
  query: string;
  offset: number;
  /** Contacts matching the query, all pages together. */
  total: number;
  contacts: ContactListItem[];
}

export interface PortalIncidentTypeOption {
  id: string;
  name: string;
  /** What customers see; null for types that are not portal-bookable. */
  customerFacingName: string | null;
  portalBookable: boolean;
  customerChangeNoticeHours: number | null;
}

export interface PortalSettingsView {
  settings: PortalSettings;
  /** The version to send back with savePortalSettings (0: never saved, the defaults are shown). */
  version: number;
  saved: boolean;
  incidentTypes: PortalIncidentTypeOption[];
}

/** Portal → E-mails: the newest e-mails (all, or in one delivery state), a page at a time. */
export const NotificationListRequestSchema = z
  .object({ state: z.enum(notificationStates).nullable(), offset: z.number().int().min(0).max(1_000_000), limit: z.number().int().min(1).max(200) })
  .strict();
export interface NotificationListEntry extends Notification {
  /** The work order's number, to open it (null for e-mails about no work order, e.g. invitations). */
  workOrderNumber: string | null;
}
export interface NotificationList {
  entries: NotificationListEntry[];
  total: number;
  /** How many wait and how many failed, whatever the filter. */
  counts: Record<Notification['state'], number>;
}

export const portalAdminContract = {
  listContacts: method<ContactList>()(ContactListRequestSchema),
  listNotifications: method<NotificationList>()(NotificationListRequestSchema),
  getPortalSettings: method<PortalSettingsView>()(z.object({}).strict()),
};
