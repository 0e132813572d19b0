import { z } from 'zod';
import { checkTransition, type BookingStatus } from '../domain/booking-status';
import { EpochMsSchema, IdSchema, RowVersionSchema } from '../domain/common';
import type { Booking, WorkOrderStatus } from '../domain/entities';
import { OverrideReasonCodeSchema, OverrideSchema as DispatcherOverrideSchema, type Override } from '../domain/override-reasons';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';
import { checkPlacement, checkVersion, mustGet } from './booking-checks';
import { explanationWithOverride } from './booking-explanation';

const OverrideSchema = DispatcherOverrideSchema.optional();

export const ReassignBookingArgs = z.object({
  bookingId: IdSchema,
  expectedVersion: RowVersionSchema,
  resourceId: IdSchema,
  override: OverrideSchema,
});

export const MoveBookingArgs = z.object({
  bookingId: IdSchema,
  expectedVersion: RowVersionSchema,
  start: EpochMsSchema,
  resourceId: IdSchema.optional(),
  override: OverrideSchema,
});

export const CancelBookingArgs = z.object({
  bookingId: IdSchema,
  expectedVersion: RowVersionSchema,
  reasonCode: z.string().trim().min(1, 'a cancellation needs a reason code'),
  note: z.string().max(2000).default(''),
});

export const SetBookingStatusArgs = z.object({
  bookingId: IdSchema,
  expectedVersion: RowVersionSchema,
  status: z.enum(['traveling', 'in_progress', 'completed']),
});

/** Bookings one acceptAutoAssignment takes: the console sends a bigger selection in several. */
export const MAX_ACCEPT_BATCH = 500;

export const AcceptAutoAssignmentArgs = z.object({
  bookings: z.array(z.object({ bookingId: IdSchema, expectedVersion: RowVersionSchema })).min(1).max(MAX_ACCEPT_BATCH),
});

export const PinBookingArgs = z.object({ bookingId: IdSchema, expectedVersion: RowVersionSchema });

export const OverrideAutoAssignmentArgs = z.object({
  bookingId: IdSchema,
  expectedVersion: RowVersionSchema,
  resourceId: IdSchema,
  start: EpochMsSchema.optional(),
  reason: z.string().trim().min(3, 'an override needs a reason').max(2000),
  /** Why, as a code; the note is `reason`. Changes queued before codes existed have none. */
  reasonCode: OverrideReasonCodeSchema.default('other'),
});

export async function loadMovable(tx: MutationTx, bookingId: string, expectedVersion: number): Promise<Booking> {
  const booking = await mustGet(tx, 'booking', bookingId, 'Booking');
  checkVersion('booking', booking, expectedVersion);
  if (booking.status !== 'scheduled') {
    refuse('state', `Only scheduled bookings can be moved or reassigned; this one is ${booking.status.replace('_', ' ')}.`, {
      entity: 'booking',
      id: booking.id,
      row: booking,
    });
  }
  return booking;
}

/**
 * Who chose the technician and whether the choice still awaits review, after a change. Picking
 * another technician makes the choice the dispatcher's (an awaited review becomes 'overridden');
 * moving in time only keeps the engine's choice and its review state, so it can still be
 * accepted or overridden afterwards.
 */
export function assignmentAfter(booking: Booking, resourceId: string): Pick<Booking, 'assignmentOrigin' | 'reviewState'> {
  if (resourceId === booking.resourceId) return { assignmentOrigin: booking.assignmentOrigin, reviewState: booking.reviewState };
  return { assignmentOrigin: 'manual', reviewState: booking.reviewState === 'needs_review' ? 'overridden' : booking.reviewState };
}

/** Puts a scheduled booking on another technician and/or time, after every scheduling check. */
async function place(
  tx: MutationTx,
  env: MutationEnv,
  booking: Booking,
  target: { resourceId: string; start: number; override?: Override | undefined },
  assignment: Pick<Booking, 'assignmentOrigin' | 'reviewState'>,
  action: string,
  /** Record the override's reason even when no rule needed waiving (overriding the engine's choice is itself the decision). */
  alwaysRecord = false,
): Promise<void> {
  const workOrder = await mustGet(tx, 'workOrder', booking.workOrderId, 'Work order');
  const durationMinutes = Math.round((booking.end - booking.start) / 60_000);
  const { travelMinutes, waived } = await checkPlacement(tx, { workOrder, durationMinutes, movingBookingId: booking.id, ...target });
  const after: Booking = {
    ...booking,
    resourceId: target.resourceId,
    start: target.start,
    end: target.start + durationMinutes * 60_000,
    travelMinutes,
    ...assignment,
  };
  const recorded = target.override && (waived || alwaysRecord) ? target.override : null;
  // The reason is shown on the booking itself, not only in the audit trail.
  if (recorded) after.explanation = explanationWithOverride(booking.explanation, recorded, waived, env);
  await tx.put('booking', after);
  await tx.audit({
    entity: 'booking',
    entityId: booking.id,
    action,
    before: JSON.stringify(booking),
    after: JSON.stringify({ ...after, override: recorded ? { ...recorded, rule: waived?.rule ?? null, ruleMessage: waived?.message ?? null } : null }),
  });
}

export async function reassignBooking(tx: MutationTx, env: MutationEnv, args: z.infer<typeof ReassignBookingArgs>): Promise<void> {
  const booking = await loadMovable(tx, args.bookingId, args.expectedVersion);
  await place(tx, env, booking, { resourceId: args.resourceId, start: booking.start, override: args.override }, assignmentAfter(booking, args.resourceId), 'reassign');
}

export async function moveBooking(tx: MutationTx, env: MutationEnv, args: z.infer<typeof MoveBookingArgs>): Promise<void> {
  const booking = await loadMovable(tx, args.bookingId, args.expectedVersion);
  const resourceId = args.resourceId ?? booking.resourceId;
  await place(tx, env, booking, { resourceId, start: args.start, override: args.override }, assignmentAfter(booking, resourceId), 'move');
}

export async function overrideAutoAssignment(tx: MutationTx, env: MutationEnv, args: z.infer<typeof OverrideAutoAssignmentArgs>): Promise<void> {
  const booking = await loadMovable(tx, args.bookingId, args.expectedVersion);
  if (booking.assignmentOrigin !== 'auto') refuse('state', 'Only automatic assignments can be overridden; reassign this booking instead.');
  if (booking.reviewState !== 'needs_review') refuse('state', 'This assignment was already reviewed; reassign the booking instead.', { entity: 'booking', id: booking.id, row: booking });
  const override: Override = { code: args.reasonCode, reason: args.reason };
  await place(tx, env, booking, { resourceId: args.resourceId, start: args.start ?? booking.start, override }, { assignmentOrigin: 'manual', reviewState: 'overridden' }, 'override-auto-assignment', true);
}

export async function acceptAutoAssignment(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof AcceptAutoAssignmentArgs>): Promise<void> {
  for (const item of args.bookings) {
    const booking = await mustGet(tx, 'booking', item.bookingId, 'Booking');
    checkVersion('booking', booking, item.expectedVersion);
    if (booking.reviewState !== 'needs_review') refuse('state', `Booking ${booking.id} is not awaiting review.`, { entity: 'booking', id: booking.id, row: booking });
    if (booking.status === 'canceled' || booking.status === 'completed') {
      refuse('state', `Booking ${booking.id} is ${booking.status}; there is no assignment left to accept.`, { entity: 'booking', id: booking.id, row: booking });
    }
    await tx.put('booking', { ...booking, reviewState: 'accepted' });
    await tx.audit({ entity: 'booking', entityId: booking.id, action: 'accept-auto-assignment', before: JSON.stringify(booking), after: null });
  }
}

/** Pinned bookings are never moved by the batch planner; only live visits can be pinned. */
export async function pinBooking(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof PinBookingArgs>): Promise<void> {
  await setPinned(tx, args, true);
}

export async function unpinBooking(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof PinBookingArgs>): Promise<void> {
  await setPinned(tx, args, false);
}

async function setPinned(tx: MutationTx, args: z.infer<typeof PinBookingArgs>, pinned: boolean): Promise<void> {
  const booking = await mustGet(tx, 'booking', args.bookingId, 'Booking');
  checkVersion('booking', booking, args.expectedVersion);
  const current = { entity: 'booking' as const, id: booking.id, row: booking };
  if (booking.pinned === pinned) refuse('state', `The booking is already ${pinned ? 'pinned' : 'unpinned'}.`, current);
  if (pinned && (booking.status === 'canceled' || booking.status === 'completed')) refuse('state', `A ${booking.status} booking cannot be pinned.`, current);
  await tx.put('booking', { ...booking, pinned });
  await tx.audit({ entity: 'booking', entityId: booking.id, action: pinned ? 'pin' : 'unpin', before: JSON.stringify(booking), after: JSON.stringify({ ...booking, pinned }) });
}

export async function cancelBooking(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof CancelBookingArgs>): Promise<void> {
  const booking = await mustGet(tx, 'booking', args.bookingId, 'Booking');
  checkVersion('booking', booking, args.expectedVersion);
  const reason = await tx.get('reasonCode', args.reasonCode);
  if (!reason?.active) refuse('unknown_reason_code', `"${args.reasonCode}" is not an active cancellation reason.`);
  await changeStatus(tx, booking, 'canceled', { code: args.reasonCode, note: args.note });
}

export async function setBookingStatus(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof SetBookingStatusArgs>): Promise<void> {
  const booking = await mustGet(tx, 'booking', args.bookingId, 'Booking');
  checkVersion('booking', booking, args.expectedVersion);
  await changeStatus(tx, booking, args.status);
}

const workOrderStatusAfter: Partial<Record<BookingStatus, WorkOrderStatus>> = {
  in_progress: 'in_progress',
  completed: 'completed',
  canceled: 'canceled',
};

/** Moves a booking through the state machine (and its work order along), with the audit entry. */
export async function changeStatus(tx: MutationTx, booking: Booking, to: BookingStatus, cancellation?: { code: string; note: string }): Promise<void> {
  const transition = checkTransition(booking.status, to, cancellation);
  if (!transition.ok) refuse('state', transition.reason, { entity: 'booking', id: booking.id, row: booking });
  const after: Booking = {
    ...booking,
    status: to,
    cancellationReasonCode: cancellation?.code ?? booking.cancellationReasonCode,
    cancellationNote: cancellation?.note ?? booking.cancellationNote,
  };
  await tx.put('booking', after);
  await tx.audit({ entity: 'booking', entityId: booking.id, action: `status:${to}`, before: JSON.stringify(booking), after: JSON.stringify(after) });
  const workOrderStatus = workOrderStatusAfter[to];
  const workOrder = await tx.get('workOrder', booking.workOrderId);
  if (workOrderStatus && workOrder && workOrder.status !== workOrderStatus) await tx.put('workOrder', { ...workOrder, status: workOrderStatus });
}
