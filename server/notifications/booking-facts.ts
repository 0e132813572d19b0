import type { Booking, Contact, IncidentType, Resource, ServiceAccount, WorkOrder } from '../../shared/domain/entities';
import type { SupportedLocale } from '../../shared/i18n/locales';
import type { HubReadTx } from '../store/hub-store';
import { findProfile } from '../store/portal/portal-profile-queries';

/** A booking with everything a message or a calendar event about it shows. */
export interface BookingFacts {
  booking: Booking;
  workOrder: WorkOrder;
  account: ServiceAccount;
  /** The work order's primary contact: who is told; null when it has none. */
  contact: Contact | null;
  incidentType: IncidentType | undefined;
  resource: Resource;
  /** The contact's portal language, or the hub's default for contacts without a portal profile. */
  language: SupportedLocale;
}

export async function bookingFacts(tx: Pick<HubReadTx, 'get' | 'sql'>, bookingId: string, defaultLanguage: SupportedLocale): Promise<BookingFacts | undefined> {
  const booking = await tx.get('booking', bookingId);
  if (!booking) return undefined;
  const workOrder = await tx.get('workOrder', booking.workOrderId);
  const resource = await tx.get('resource', booking.resourceId);
  const account = workOrder && (await tx.get('account', workOrder.accountId));
  if (!workOrder || !resource || !account) return undefined;
  const contact = workOrder.primaryContactId ? ((await tx.get('contact', workOrder.primaryContactId)) ?? null) : null;
  const profile = contact ? await findProfile(tx.sql, contact.id) : undefined;
  return { booking, workOrder, account, contact, incidentType: await tx.get('incidentType', workOrder.incidentTypeId), resource, language: profile?.language ?? defaultLanguage };
}

/** What the customer sees as the service: the incident type's customer-facing name, else its name, else the summary. */
export function serviceName(facts: Pick<BookingFacts, 'incidentType' | 'workOrder'>): string {
  return facts.incidentType?.customerFacingName ?? facts.incidentType?.name ?? (facts.workOrder.summary || facts.workOrder.number);
}
