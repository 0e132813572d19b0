import { z } from 'zod';
import { EpochMsSchema, IdSchema, RowVersionSchema } from '../domain/common';
import { PrioritySchema, type Booking, type WorkOrder } from '../domain/entities';
import { newBooking } from '../domain/new-booking';
import { OverrideSchema, type Override } from '../domain/override-reasons';
import { autoAssign } from '../scheduling/auto-assign';
import { checkPlacement, checkVersion, mustGet, siteOf } from './booking-checks';
import { explanationWithOverride } from './booking-explanation';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';
import { toSchedulingJob, worldAround } from './scheduling-world';

export const CreateWorkOrderArgs = z
  .object({
    workOrderId: IdSchema,
    accountId: IdSchema,
    assetId: IdSchema.nullable().default(null),
    incidentTypeId: IdSchema,
    primaryContactId: IdSchema.nullable().default(null),
    priority: PrioritySchema.default('normal'),
    summary: z.string().max(2000).default(''),
    customerComments: z.string().max(4000).default(''),
    promisedWindowStart: EpochMsSchema.nullable().default(null),
    promisedWindowEnd: EpochMsSchema.nullable().default(null),
  })
  .refine((a) => (a.promisedWindowStart === null) === (a.promisedWindowEnd === null), {
    message: 'a promised window needs both a start and an end',
    path: ['promisedWindowEnd'],
  })
  .refine((a) => a.promisedWindowStart === null || a.promisedWindowEnd === null || a.promisedWindowEnd > a.promisedWindowStart, {
    message: 'the promised window must end after it starts',
    path: ['promisedWindowEnd'],
  });

export const ScheduleWorkOrderArgs = z.object({
  workOrderId: IdSchema,
  expectedVersion: RowVersionSchema,
  bookingId: IdSchema,
  start: EpochMsSchema,
  /** Omitted: the engine picks the technician (auto-assignment, awaiting review). */
  resourceId: IdSchema.optional(),
  override: OverrideSchema.optional(),
});

export async function createWorkOrder(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof CreateWorkOrderArgs>): Promise<void> {
  if (await tx.get('workOrder', args.workOrderId)) refuse('state', `Work order ${args.workOrderId} already exists.`);
  const account = await mustGet(tx, 'account', args.accountId, 'Account');
  const type = await mustGet(tx, 'incidentType', args.incidentTypeId, 'Incident type');
  if (args.assetId) {
    const asset = await tx.get('asset', args.assetId);
    if (asset?.accountId !== account.id) refuse('not_found', `Asset ${args.assetId} does not belong to ${account.name}.`);
  }
  if (args.primaryContactId) {
    const contact = await tx.get('contact', args.primaryContactId);
    if (contact?.accountId !== account.id) refuse('not_found', `Contact ${args.primaryContactId} does not belong to ${account.name}.`);
  }
  const workOrder: WorkOrder = {
    id: args.workOrderId,
    number: await tx.nextWorkOrderNumber(),
    accountId: account.id,
    assetId: args.assetId,
    incidentTypeId: type.id,
    primaryContactId: args.primaryContactId,
    priority: args.priority,
    workOrderType: type.defaultWorkOrderType,
    summary: args.summary || type.name,
    customerComments: args.customerComments,
    source: 'console',
    promisedWindowStart: args.promisedWindowStart,
    promisedWindowEnd: args.promisedWindowEnd,
    status: 'unscheduled',
    version: 0,
  };
  await tx.put('workOrder', workOrder);
  await tx.audit({ entity: 'workOrder', entityId: workOrder.id, action: 'create', before: null, after: JSON.stringify(workOrder) });
}

/** Books an unscheduled work order: on the chosen technician after every check, or on the engine's pick. */
export async function scheduleWorkOrder(tx: MutationTx, env: MutationEnv, args: z.infer<typeof ScheduleWorkOrderArgs>): Promise<void> {
  const workOrder = await mustGet(tx, 'workOrder', args.workOrderId, 'Work order');
  checkVersion('workOrder', workOrder, args.expectedVersion);
  if (workOrder.status !== 'unscheduled') refuse('state', `Work order ${workOrder.number} is already ${workOrder.status}.`, { entity: 'workOrder', id: workOrder.id, row: workOrder });
  if (await tx.get('booking', args.bookingId)) refuse('state', `Booking ${args.bookingId} already exists.`);
  const { account, type } = await siteOf(tx, workOrder);
  const placement = args.resourceId
    ? await manualPlacement(tx, env, workOrder, { resourceId: args.resourceId, start: args.start, durationMinutes: type.durationMinutes, override: args.override })
    : await automaticPlacement(tx, workOrder, args.start, toSchedulingJob(workOrder.id, account, type));
  const booking = newBooking({ id: args.bookingId, workOrderId: workOrder.id, start: args.start, end: args.start + type.durationMinutes * 60_000, ...placement });
  await tx.put('booking', booking);
  await tx.put('workOrder', { ...workOrder, status: 'scheduled' });
  await tx.audit({ entity: 'booking', entityId: booking.id, action: 'schedule-work-order', before: null, after: JSON.stringify(booking) });
}

type Placement = Pick<Booking, 'resourceId' | 'travelMinutes' | 'assignmentOrigin' | 'explanation' | 'reviewState'>;

async function manualPlacement(
  tx: MutationTx,
  env: MutationEnv,
  workOrder: WorkOrder,
  target: { resourceId: string; start: number; durationMinutes: number; override: Override | undefined },
): Promise<Placement> {
  const { travelMinutes, waived } = await checkPlacement(tx, { workOrder, ...target });
  const explanation = waived && target.override ? explanationWithOverride(null, target.override, waived, env) : null;
  return { resourceId: target.resourceId, travelMinutes, assignmentOrigin: 'manual', explanation, reviewState: 'accepted' };
}

async function automaticPlacement(tx: MutationTx, workOrder: WorkOrder, start: number, job: ReturnType<typeof toSchedulingJob>): Promise<Placement> {
  const { booking, explanation } = autoAssign({ ...job, start }, await worldAround(tx, start));
  if (!booking) refuse('rule', `No technician can take ${workOrder.number} at that time. ${explanation.summary}`);
  return {
    resourceId: booking.resourceId,
    travelMinutes: Math.ceil(booking.travelMinutes),
    assignmentOrigin: 'auto',
    explanation: JSON.stringify(explanation),
    reviewState: 'needs_review',
  };
}
