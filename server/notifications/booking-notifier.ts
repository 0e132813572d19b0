import type { Booking } from '../../shared/domain/entities';
import { enqueueRendered } from '../mail/mail-outbox';
import type { MailContent, VisitFacts } from '../mail/render-mail';
import { portalLink, type PortalConfig } from '../portal/portal-config';
import { effectiveSettings } from '../portal/portal-settings-reader';
import type { CommitHook, HubTx } from '../store/hub-store';
import { findNotice, pendingReminders, saveNotice, setReminderDue, type BookingNotice } from '../store/notifications/booking-notice-queries';
import { lastPing } from '../store/portal/tracking-queries';
import { arrivalEstimate } from '../tracking/arrival-estimate';
import { bookingFacts, serviceName, type BookingFacts } from './booking-facts';
import { customerVisitIcs } from './customer-visit-ics';
import type { NotificationKind } from '../../shared/domain/notification-settings';
import { PORTAL_SETTINGS_ID } from '../../shared/domain/portal-settings';
import { notificationRules, reminderDueAt, type NotificationConfig, type NotificationRules } from './notification-config';

export interface NotifierDeps {
  config: NotificationConfig;
  /** Links, company name and the default language (read at each change: the hub fills in its address once listening). */
  portal: PortalConfig;
}

/**
 * The commit hook that tells customers about their bookings: for every booking the
 * transaction wrote, the difference between the booking and what its customer was last told
 * (booking_notices) becomes e-mail in the outbox, in the same transaction. Portal and console
 * changes go through the same path; a change that only re-writes the same state mails nothing.
 */
export function bookingNotifier(deps: NotifierDeps): CommitHook {
  return async (tx, changed) => {
    let rules: NotificationRules | undefined;
    for (const row of changed) {
      if (row.entity !== 'booking' || row.deleted) continue;
      // Read in the transaction, once: a save of the settings and a booking change never cross.
      rules ??= await savedNotificationRules(tx, deps.config);
      await noticeBooking(tx, row.id, deps, rules, Date.now());
    }
    if (changed.some((row) => row.entity === 'portalSettings' && !row.deleted)) {
      await rescheduleReminders(tx, rules ?? (await savedNotificationRules(tx, deps.config)), Date.now());
    }
  };
}

/**
 * Saved settings apply to every reminder not yet sent, not only to visits booked or moved after
 * the save. A reminder whose time under the new lead has already passed keeps its old time: the
 * customer is still reminded, rather than not at all.
 */
async function rescheduleReminders(tx: HubTx, rules: NotificationRules, now: number): Promise<void> {
  for (const pending of await pendingReminders(tx.sql, now)) {
    const due = reminderDueAt(rules.reminder, pending.toldStart, pending.timeZone, now) ?? pending.reminderDueAt;
    if (due !== pending.reminderDueAt) await setReminderDue(tx.sql, pending.bookingId, due, now);
  }
}

/** The administrator's saved settings (Portal → Settings) within the hub's options; the options alone until settings are saved. */
export async function savedNotificationRules(tx: Pick<HubTx, 'get'>, config: NotificationConfig): Promise<NotificationRules> {
  const row = await tx.get('portalSettings', PORTAL_SETTINGS_ID);
  return notificationRules(config, row?.settings.notifications);
}

/** What the customer must hear about the booking now that it is `booking`, after `told`. */
export function noticesDue(told: BookingNotice | undefined, booking: Pick<Booking, 'status' | 'start' | 'version'>, thresholdMs: number): NotificationKind[] {
  if (!told) {
    // A booking made before notifications existed (or bulk-loaded) is announced from its next status change on.
    if (booking.version > 1) return statusNotice(booking.status) ? [statusNotice(booking.status)!] : [];
    return booking.status === 'scheduled' || booking.status === 'traveling' ? ['booking_confirmed'] : [];
  }
  if (told.toldStatus !== booking.status) {
    const kind = statusNotice(booking.status);
    if (kind) return [kind];
  }
  const live = booking.status === 'scheduled' || booking.status === 'traveling';
  return live && Math.abs(booking.start - told.toldStart) > thresholdMs ? ['booking_moved'] : [];
}

function statusNotice(status: Booking['status']): NotificationKind | undefined {
  if (status === 'canceled') return 'booking_canceled';
  if (status === 'traveling') return 'technician_on_the_way';
  if (status === 'completed') return 'visit_completed';
  return undefined;
}

async function noticeBooking(tx: HubTx, bookingId: string, deps: NotifierDeps, rules: NotificationRules, now: number): Promise<void> {
  const facts = await bookingFacts(tx, bookingId, deps.portal.defaultLanguage);
  if (!facts) return;
  const { booking } = facts;
  const told = await findNotice(tx.sql, bookingId);
  const kinds = noticesDue(told, booking, deps.config.moveThresholdMs);
  // The start the customer knows: unchanged by small nudges, so several of them still add up to a move.
  const announcesTime = kinds.includes('booking_confirmed') || kinds.includes('booking_moved') || !told;
  const next: BookingNotice = {
    bookingId,
    toldStart: announcesTime ? booking.start : told.toldStart,
    toldEnd: announcesTime ? booking.end : told.toldEnd,
    toldStatus: booking.status,
    // A moved visit gets a reminder for its new time (once); an unchanged one keeps its schedule.
    reminderDueAt: announcesTime ? reminderDueAt(rules.reminder, booking.start, facts.account.timeZone, now) : (told?.reminderDueAt ?? null),
    reminderSentAt: announcesTime ? null : (told?.reminderSentAt ?? null),
  };
  await saveNotice(tx.sql, next, now);
  for (const kind of kinds) {
    if (rules.enabled.has(kind)) await queueVisitMail(tx, facts, kind, deps, told, now);
  }
}

/** Renders one message about the visit in the contact's language and account zone, and queues it. */
export async function queueVisitMail(tx: HubTx, facts: BookingFacts, kind: NotificationKind, deps: NotifierDeps, told: BookingNotice | undefined, now: number): Promise<string | undefined> {
  if (!facts.contact) return undefined;
  const link = portalLink(deps.portal, `appointments/${facts.booking.id}`);
  const withCalendar = kind === 'booking_confirmed' || kind === 'booking_moved' || kind === 'booking_reminder' || kind === 'booking_canceled';
  const content = await contentFor(tx, facts, kind, { link, withCalendar, told, now, portal: deps.portal });
  return enqueueRendered(
    tx,
    {
      to: facts.contact.email,
      content,
      setting: { locale: facts.language, timeZone: facts.account.timeZone, company: deps.portal.company },
      related: { entity: 'booking', id: facts.booking.id },
      workOrderId: facts.workOrder.id,
      ...(withCalendar ? { attachments: [customerVisitIcs(facts, link, now)] } : {}),
    },
    now,
  );
}

async function contentFor(
  tx: HubTx,
  facts: BookingFacts,
  kind: NotificationKind,
  extra: { link: string; withCalendar: boolean; told: BookingNotice | undefined; now: number; portal: PortalConfig },
): Promise<MailContent> {
  const { booking } = facts;
  const visit: VisitFacts = {
    name: facts.contact!.name,
    number: facts.workOrder.number,
    service: serviceName(facts),
    technician: facts.resource.name,
    address: facts.account.address,
    start: booking.start,
    end: booking.end,
    link: extra.link,
    withCalendar: extra.withCalendar,
  };
  switch (kind) {
    case 'booking_confirmed':
    case 'booking_reminder':
      return { kind, ...visit };
    case 'booking_moved':
      return { kind, ...visit, previousStart: extra.told?.toldStart ?? booking.start, previousEnd: extra.told?.toldEnd ?? booking.end };
    case 'booking_canceled': {
      const code = booking.cancellationReasonCode ? await tx.get('reasonCode', booking.cancellationReasonCode) : undefined;
      const reason = [code?.label ?? booking.cancellationReasonCode, booking.cancellationNote].filter((part) => !!part).join(': ');
      return { kind, ...visit, reason };
    }
    case 'technician_on_the_way': {
      const ping = await lastPing(tx.sql, booking.resourceId);
      // Without a reported position the planned start is the best estimate there is.
      const arrival = ping ? arrivalEstimate(ping, facts.account, extra.now) : Math.max(booking.start, extra.now);
      return { kind, ...visit, arrival };
    }
    case 'visit_completed': {
      const survey = (await effectiveSettings(tx)).surveyEnabled;
      return { kind, ...visit, surveyLink: survey ? portalLink(extra.portal, `appointments/${booking.id}/feedback`) : null };
    }
  }
}
