import { randomUUID } from 'node:crypto';
import type { AppointmentDetail } from '../../shared/contract/portal-http';
import { LOW_FEEDBACK_RATING } from '../../shared/contract/portal-http';
import type { Booking, PortalRequest, WorkOrder } from '../../shared/domain/entities';
import { newBooking } from '../../shared/domain/new-booking';
import { changeStatus } from '../../shared/mutations/booking-mutations';
import { MutationRefusal } from '../../shared/mutations/mutation-context';
import { toSchedulingJob, worldAround } from '../../shared/mutations/scheduling-world';
import { autoAssign } from '../../shared/scheduling/auto-assign';
import type { FreeSlot } from '../../shared/scheduling/free-slots';
import { formatLocal, localDateOf } from '../../shared/scheduling/local-time';
import type { HubReadTx, HubTx } from '../store/hub-store';
import { insertFeedback } from '../store/portal/portal-profile-queries';
import { accountBooking, type AccountBooking } from '../store/portal/portal-view-queries';
import { changeLockOf, changeNoticeOf, detail, viewContext } from './appointment-view';
import { checkHorizon, resolveChoice, slotsOfDay, type BookableChoice } from './free-times';
import { notFound, PortalRefusal } from './portal-errors';
import type { PortalCustomer } from './portal-session';

/** The reason code portal cancellations carry (created at the hub on first use when an administrator has not). */
export const PORTAL_CANCEL_REASON = { code: 'customer-request', label: 'Customer request' };

/** The chosen time is gone; the route answers 409 with the day's times read afresh. */
export class SlotGone extends Error {
  constructor(
    readonly choice: BookableChoice,
    readonly date: string,
    readonly excludeBookingIds: readonly string[] = [],
  ) {
    super('That time was just taken; here are the times still free that day.');
    this.name = 'SlotGone';
  }
}

type Placement = Pick<Booking, 'resourceId' | 'start' | 'end' | 'travelMinutes' | 'assignmentOrigin' | 'explanation' | 'reviewState'>;

/**
 * The engine's technician for the slot: at its exact time, or the earliest start inside an
 * arrival window. `prefer`: keep this technician when they can take it (a moved visit).
 */
async function place(tx: HubTx, choice: BookableChoice, jobId: string, slot: FreeSlot, exclude: readonly string[], prefer?: string): Promise<Placement | undefined> {
  const job = toSchedulingJob(jobId, choice.account, choice.type);
  const durationMs = choice.type.durationMinutes * 60_000;
  const timing = slot.kind === 'time' ? { start: slot.start } : { window: { earliestStart: slot.start, latestEnd: slot.end - 1 + durationMs } };
  if (prefer && slot.resourceIds.includes(prefer)) {
    const kept = autoAssign({ ...job, ...timing }, await worldAround(tx, slot.start, exclude, [prefer]));
    if (kept.booking) return { resourceId: prefer, start: kept.booking.start, end: kept.booking.end, travelMinutes: Math.ceil(kept.booking.travelMinutes), assignmentOrigin: 'auto', explanation: JSON.stringify(kept.explanation), reviewState: 'needs_review' };
  }
  // Every technician, so the stored explanation also says why the others were out (as the console's does).
  const { booking, explanation } = autoAssign({ ...job, ...timing }, await worldAround(tx, slot.start, exclude));
  if (!booking) return undefined;
  return { resourceId: booking.resourceId, start: booking.start, end: booking.end, travelMinutes: Math.ceil(booking.travelMinutes), assignmentOrigin: 'auto', explanation: JSON.stringify(explanation), reviewState: 'needs_review' };
}

/** Writes the booking; the database's no-overlap rule firing (a race with another hub) means the slot is gone. */
async function putBooking(tx: HubTx, booking: Booking, gone: () => SlotGone): Promise<void> {
  try {
    await tx.put('booking', booking);
  } catch (error) {
    if (error instanceof MutationRefusal && error.code === 'double_booking') throw gone();
    throw error;
  }
}

async function openRequest(tx: HubTx, customer: PortalCustomer, fields: Pick<PortalRequest, 'kind' | 'workOrderId' | 'message'>, now: number): Promise<string> {
  const request: PortalRequest = { id: randomUUID(), accountId: customer.account.id, contactId: customer.contact.id, createdAt: now, state: 'open', handledBy: null, handledAt: null, ...fields };
  await tx.put('portalRequest', request);
  return request.id;
}

/** The customer's own visit; anything else (another account's, or none) is 404. */
export async function customerBooking(tx: HubReadTx, customer: PortalCustomer, bookingId: string): Promise<AccountBooking> {
  const item = await accountBooking(tx.sql, customer.account.id, bookingId);
  if (!item) throw notFound();
  return item;
}

export async function appointmentNow(tx: HubReadTx, customer: PortalCustomer, bookingId: string, now: number): Promise<AppointmentDetail> {
  const item = await customerBooking(tx, customer, bookingId);
  return detail(item, await viewContext(tx, customer.account, [item], now));
}

const local = (epochMs: number, zone: string) => `${formatLocal(epochMs, zone).slice(0, 16).replace('T', ' ')} (${zone})`;

/**
 * Book: in ONE transaction the slot is checked again on the data as it is now, the work order
 * and the auto-assigned booking (awaiting review) are created, with a portal request for back
 * office and the confirmation e-mail in the outbox (queued by the booking notifier at commit). Anything failing leaves nothing behind.
 */
export async function bookVisit(
  tx: HubTx,
  customer: PortalCustomer,
  body: { assetId: string; incidentTypeId: string; start: number; comments: string },
  now: number,
): Promise<AppointmentDetail> {
  const choice = await resolveChoice(tx, customer.account, body.assetId, body.incidentTypeId);
  const zone = customer.account.timeZone;
  const date = localDateOf(body.start, zone);
  checkHorizon(choice.settings, zone, date, now);
  const slot = (await slotsOfDay(tx, choice, date, now)).find((s) => s.start === body.start);
  if (!slot) throw new SlotGone(choice, date);
  const workOrderId = randomUUID();
  const placement = await place(tx, choice, workOrderId, slot, []);
  if (!placement) throw new SlotGone(choice, date);
  const workOrder: WorkOrder = {
    id: workOrderId,
    number: await tx.nextWorkOrderNumber(),
    accountId: customer.account.id,
    assetId: choice.asset?.id ?? null,
    incidentTypeId: choice.type.id,
    primaryContactId: customer.contact.id,
    priority: 'normal',
    workOrderType: choice.type.defaultWorkOrderType,
    summary: choice.type.customerFacingName ?? choice.type.name,
    customerComments: body.comments,
    source: 'portal',
    promisedWindowStart: slot.kind === 'window' ? slot.start : null,
    promisedWindowEnd: slot.kind === 'window' ? slot.end : null,
    status: 'scheduled',
    version: 0,
  };
  await tx.put('workOrder', workOrder);
  const booking = newBooking({ id: randomUUID(), workOrderId, ...placement });
  await putBooking(tx, booking, () => new SlotGone(choice, date));
  await tx.audit({ entity: 'booking', entityId: booking.id, action: 'portal-book', before: null, after: JSON.stringify(booking) });
  await openRequest(tx, customer, { kind: 'new_booking', workOrderId, message: body.comments || `Booked on the portal for ${local(booking.start, zone)}.` }, now);
  // The confirmation e-mail is queued by the booking notifier as this transaction commits (server/notifications).
  const view = await appointmentNow(tx, customer, booking.id, now);
  return view;
}

/** Loads the account's visit and refuses unless the customer may change it now (Scheduled, outside the notice). */
async function changeable(tx: HubTx, customer: PortalCustomer, bookingId: string, now: number): Promise<AccountBooking> {
  const item = await customerBooking(tx, customer, bookingId);
  const type = await tx.get('incidentType', item.incidentTypeId);
  const notice = changeNoticeOf(type, item.booking.start);
  const lock = changeLockOf(item.booking.status, notice, item.booking.start, now);
  if (lock === 'locked') throw new PortalRefusal(409, 'locked', 'The technician is on the way or at work: this visit can no longer be changed here. Please call us.');
  if (lock === 'history') throw new PortalRefusal(409, 'locked', `This visit is ${item.booking.status === 'completed' ? 'completed' : 'canceled'}; it can no longer be changed.`);
  if (lock === 'inside_change_notice') {
    const changeNotice = notice ?? { hours: 0, from: item.booking.start };
    throw new PortalRefusal(409, 'inside_change_notice', `Changes are possible up to ${changeNotice.hours} hours before the visit; you can ask us to call you back instead.`, { changeNotice });
  }
  return item;
}

/** Move: the same technician when free at the new time, otherwise the engine's best match (then awaiting review). */
export async function moveVisit(tx: HubTx, customer: PortalCustomer, bookingId: string, start: number, now: number): Promise<AppointmentDetail> {
  const item = await changeable(tx, customer, bookingId, now);
  const choice = await resolveChoice(tx, customer.account, item.assetId, item.incidentTypeId, { requireBookable: false });
  const zone = customer.account.timeZone;
  const date = localDateOf(start, zone);
  checkHorizon(choice.settings, zone, date, now);
  const exclude = [item.booking.id];
  const slot = (await slotsOfDay(tx, choice, date, now, exclude)).find((s) => s.start === start);
  if (!slot) throw new SlotGone(choice, date, exclude);
  const placement = await place(tx, choice, item.workOrderId, slot, exclude, item.booking.resourceId);
  if (!placement) throw new SlotGone(choice, date, exclude);
  const before = item.booking;
  const kept = placement.resourceId === before.resourceId;
  const after: Booking = { ...before, ...placement, ...(kept ? { assignmentOrigin: before.assignmentOrigin, reviewState: before.reviewState } : {}) };
  await putBooking(tx, after, () => new SlotGone(choice, date, exclude));
  const workOrder = await tx.get('workOrder', item.workOrderId);
  if (workOrder && slot.kind === 'window') await tx.put('workOrder', { ...workOrder, promisedWindowStart: slot.start, promisedWindowEnd: slot.end });
  await tx.audit({ entity: 'booking', entityId: before.id, action: 'portal-move', before: JSON.stringify(before), after: JSON.stringify(after) });
  const technician = kept ? 'same technician' : `technician changed to ${(await tx.get('resource', after.resourceId))?.name ?? after.resourceId}`;
  await openRequest(tx, customer, { kind: 'reschedule', workOrderId: item.workOrderId, message: `Moved by the customer from ${local(before.start, zone)} to ${local(after.start, zone)}; ${technician}.` }, now);
  return appointmentNow(tx, customer, bookingId, now);
}

/** Cancel with the customer's note (required), under the portal's reason code. */
export async function cancelVisit(tx: HubTx, customer: PortalCustomer, bookingId: string, note: string, now: number): Promise<AppointmentDetail> {
  const item = await changeable(tx, customer, bookingId, now);
  if (!(await tx.get('reasonCode', PORTAL_CANCEL_REASON.code))) await tx.put('reasonCode', { ...PORTAL_CANCEL_REASON, active: true });
  await changeStatus(tx, item.booking, 'canceled', { code: PORTAL_CANCEL_REASON.code, note });
  await openRequest(tx, customer, { kind: 'cancellation', workOrderId: item.workOrderId, message: note }, now);
  return appointmentNow(tx, customer, bookingId, now);
}

/** Inside the notice (or any time for a Scheduled visit): ask back office to move or cancel it. */
export async function requestCallback(tx: HubTx, customer: PortalCustomer, bookingId: string, body: { intent: 'reschedule' | 'cancellation'; message: string }, now: number): Promise<string> {
  const item = await customerBooking(tx, customer, bookingId);
  if (item.booking.status !== 'scheduled') throw new PortalRefusal(409, 'locked', 'Only a scheduled visit can be changed; for anything else please call us.');
  const what = body.intent === 'reschedule' ? 'move' : 'cancel';
  return openRequest(tx, customer, { kind: body.intent, workOrderId: item.workOrderId, message: `Callback requested to ${what} the visit of ${local(item.booking.start, customer.account.timeZone)}: ${body.message}` }, now);
}

/** Feedback on a completed visit, once, when the survey is on; a low rating becomes a portal request. */
export async function giveFeedback(tx: HubTx, customer: PortalCustomer, bookingId: string, body: { rating: number; comment: string }, now: number): Promise<AppointmentDetail> {
  const item = await customerBooking(tx, customer, bookingId);
  const ctx = await viewContext(tx, customer.account, [item], now);
  if (!ctx.settings.surveyEnabled) throw new PortalRefusal(409, 'feedback_not_allowed', 'Feedback is not collected at the moment.');
  if (item.booking.status !== 'completed') throw new PortalRefusal(409, 'feedback_not_allowed', 'Feedback can be given once the visit is completed.');
  const stored = await insertFeedback(tx.sql, { bookingId, contactId: customer.contact.id, rating: body.rating, comment: body.comment, createdAt: now });
  if (!stored) throw new PortalRefusal(409, 'feedback_not_allowed', 'Feedback for this visit was already sent. Thank you!');
  if (body.rating <= LOW_FEEDBACK_RATING) {
    await openRequest(tx, customer, { kind: 'low_feedback', workOrderId: item.workOrderId, message: `Feedback ${body.rating}/5${body.comment ? `: "${body.comment}"` : ''}` }, now);
  }
  return appointmentNow(tx, customer, bookingId, now);
}
