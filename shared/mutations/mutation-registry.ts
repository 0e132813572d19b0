import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { HandlePortalRequestArgs, handlePortalRequest, IssueInvitationArgs, issueInvitation } from './back-office-mutations';
import {
  AcceptAutoAssignmentArgs,
  acceptAutoAssignment,
  CancelBookingArgs,
  cancelBooking,
  MoveBookingArgs,
  moveBooking,
  OverrideAutoAssignmentArgs,
  overrideAutoAssignment,
  PinBookingArgs,
  pinBooking,
  unpinBooking,
  ReassignBookingArgs,
  reassignBooking,
  SetBookingStatusArgs,
  setBookingStatus,
} from './booking-mutations';
import { AddCommentArgs, addComment } from './comment-mutations';
import { SetChangeNoticeArgs, setChangeNotice } from './incident-type-mutations';
import { SavePortalSettingsArgs, savePortalSettings, SetPortalRoleArgs, setPortalRole } from './portal-admin-mutations';
import { MutationRefusal, type MutationEnv, type MutationOutcome, type MutationTx } from './mutation-context';
import { ApplyScheduleArgs, applySchedule } from './schedule-changes';
import { ResendNotificationArgs, resendNotification } from './notification-mutations';
import { CreateWorkOrderArgs, createWorkOrder, ScheduleWorkOrderArgs, scheduleWorkOrder } from './work-order-mutations';

function mutation<S extends z.ZodType>(args: S, run: (tx: MutationTx, env: MutationEnv, args: z.output<S>) => Promise<void>) {
  return { args, run };
}

/** Every named mutation: the same code runs at the hub (for real) and in the console (optimistically). */
export const mutations = {
  reassignBooking: mutation(ReassignBookingArgs, reassignBooking),
  moveBooking: mutation(MoveBookingArgs, moveBooking),
  cancelBooking: mutation(CancelBookingArgs, cancelBooking),
  setBookingStatus: mutation(SetBookingStatusArgs, setBookingStatus),
  acceptAutoAssignment: mutation(AcceptAutoAssignmentArgs, acceptAutoAssignment),
  overrideAutoAssignment: mutation(OverrideAutoAssignmentArgs, overrideAutoAssignment),
  createWorkOrder: mutation(CreateWorkOrderArgs, createWorkOrder),
  scheduleWorkOrder: mutation(ScheduleWorkOrderArgs, scheduleWorkOrder),
  handlePortalRequest: mutation(HandlePortalRequestArgs, handlePortalRequest),
  issueInvitation: mutation(IssueInvitationArgs, issueInvitation),
  setPortalRole: mutation(SetPortalRoleArgs, setPortalRole),
  savePortalSettings: mutation(SavePortalSettingsArgs, savePortalSettings),
  setChangeNotice: mutation(SetChangeNoticeArgs, setChangeNotice),
  pinBooking: mutation(PinBookingArgs, pinBooking),
  unpinBooking: mutation(PinBookingArgs, unpinBooking),
  applySchedule: mutation(ApplyScheduleArgs, applySchedule),
  addComment: mutation(AddCommentArgs, addComment),
  resendNotification: mutation(ResendNotificationArgs, resendNotification),
};

export type MutationName = keyof typeof mutations;
export type MutationArgs<N extends MutationName> = z.input<(typeof mutations)[N]['args']>;
export const mutationNames = Object.keys(mutations) as MutationName[];

/** Deeper arguments than any mutation takes are refused before anything walks them recursively. */
export const MAX_ARGS_DEPTH = 16;

/** A mutation as it travels: the client-generated id makes retries safe. */
export const MutationEnvelopeSchema = z.object({
  id: z.string().uuid('must be a UUID'),
  name: z.string().min(1).max(60),
  args: z.unknown().refine((args) => nestingDepth(args, MAX_ARGS_DEPTH) <= MAX_ARGS_DEPTH, { message: `must not be nested more than ${MAX_ARGS_DEPTH} levels deep` }),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelopeSchema>;
export { IdSchema };

/** Own-property lookup: "constructor", "toString" or "__proto__" are not mutations. */
export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutations, name);
}

/** How deeply arrays and objects nest in `value`, counted without recursion and only up to `limit + 1`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    deepest = Math.max(deepest, depth);
    if (depth > limit) return depth;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth });
  }
  return deepest;
}

/**
 * Validates and runs one mutation against a transaction. Never throws for a business refusal:
 * the caller rolls the transaction back when the outcome is `refused`.
 */
export async function runMutation(tx: MutationTx, env: MutationEnv, envelope: { name: string; args: unknown }): Promise<MutationOutcome> {
  if (!isMutationName(envelope.name)) return { status: 'refused', code: 'unknown_mutation', reason: `There is no mutation "${envelope.name.slice(0, 60)}".` };
  if (nestingDepth(envelope.args, MAX_ARGS_DEPTH) > MAX_ARGS_DEPTH) {
    return { status: 'refused', code: 'invalid_args', reason: `Invalid ${envelope.name}: args must not be nested more than ${MAX_ARGS_DEPTH} levels deep.` };
  }
  const definition = mutations[envelope.name];
  const parsed = definition.args.safeParse(envelope.args);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ');
    return { status: 'refused', code: 'invalid_args', reason: `Invalid ${envelope.name}: ${reason}` };
  }
  try {
    await (definition.run as (tx: MutationTx, env: MutationEnv, args: unknown) => Promise<void>)(tx, env, parsed.data);
    return { status: 'applied' };
  } catch (error) {
    if (error instanceof MutationRefusal) return { status: 'refused', code: error.code, reason: error.message, ...(error.current ? { current: error.current } : {}) };
    throw error;
  }
}
