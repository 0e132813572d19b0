import { z } from 'zod';
import { EpochMsSchema, IdSchema, RowVersionSchema } from '../domain/common';
import type { Booking, WorkOrder } from '../domain/entities';
import { newBooking } from '../domain/new-booking';
import { OverrideSchema } from '../domain/override-reasons';
import type { ExistingBooking, SchedulingJob } from '../scheduling/types';
import { indexWorld } from '../scheduling/world-index';
import { checkVersion, mustGet, promisedWindowOf, siteOf } from './booking-checks';
import { explanationWithOverride } from './booking-explanation';
import { assignmentAfter, loadMovable } from './booking-mutations';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';
import { judgePlacement, type PlacementVerdict } from './placement-verdict';
import { toSchedulingJob, worldAround } from './scheduling-world';

const MAX_CHANGES = 500;

const BookArgs = z.object({ workOrderId: IdSchema, expectedVersion: RowVersionSchema, bookingId: IdSchema, resourceId: IdSchema, start: EpochMsSchema });
const MoveArgs = z.object({ bookingId: IdSchema, expectedVersion: RowVersionSchema, resourceId: IdSchema, start: EpochMsSchema });
const UnbookArgs = z.object({ bookingId: IdSchema, expectedVersion: RowVersionSchema });

/**
 * Several schedule changes that only make sense together, judged and applied as one: a day's
 * plan (new bookings), fitting urgent work in (a new booking and the later visits it pushes
 * on), and undoing either (bookings taken back off the board, visits moved back). Every
 * placement is judged against the schedule as it will be once all of them are made, since each
 * one's travel depends on its neighbours; so one that fails refuses the whole, naming it.
 */
export const ApplyScheduleArgs = z
  .object({
    origin: z.enum(['plan', 'fit_in', 'undo', 'redo']),
    book: z.array(BookArgs).max(MAX_CHANGES).default([]),
    move: z.array(MoveArgs).max(MAX_CHANGES).default([]),
    /** Scheduled bookings to take off the board: the booking goes, its work order is unscheduled again. */
    unbook: z.array(UnbookArgs).max(MAX_CHANGES).default([]),
    override: OverrideSchema.optional(),
  })
  .refine((a) => a.book.length + a.move.length + a.unbook.length > 0, { message: 'there is no change to apply' })
  .refine((a) => distinct([...a.book.map((b) => b.bookingId), ...a.move.map((m) => m.bookingId), ...a.unbook.map((u) => u.bookingId)]), {
    message: 'each booking may appear only once',
  })
  .refine((a) => distinct(a.book.map((b) => b.workOrderId)), { message: 'each work order may be booked only once' });
type Args = z.infer<typeof ApplyScheduleArgs>;

function distinct(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length;
}

/** One visit as it will be once every change is made. */
interface Placement {
  before: Booking | null;
  after: Booking;
  workOrder: WorkOrder;
  job: SchedulingJob;
}

export async function applySchedule(tx: MutationTx, env: MutationEnv, args: Args): Promise<void> {
  const unbooked = await loadUnbooked(tx, args);
  const placements = [...(await loadMoves(tx, args)), ...(await loadBookings(tx, args))];
  const verdicts = await judgeAll(tx, placements, [...unbooked.map((u) => u.booking.id), ...placements.map((p) => p.after.id)]);
  refuseBroken(placements, verdicts, !!args.override);
  for (const { booking, workOrder } of unbooked) {
    await tx.remove('booking', booking.id);
    if (workOrder.status === 'scheduled') await tx.put('workOrder', { ...workOrder, status: 'unscheduled' });
    await tx.audit({ entity: 'booking', entityId: booking.id, action: `${args.origin}:unbook`, before: JSON.stringify(booking), after: null });
  }
  for (const [i, placement] of placements.entries()) await write(tx, env, args, placement, verdicts[i] as PlacementVerdict);
}

async function loadUnbooked(tx: MutationTx, args: Args): Promise<{ booking: Booking; workOrder: WorkOrder }[]> {
  const result = [];
  for (const item of args.unbook) {
    const booking = await loadMovable(tx, item.bookingId, item.expectedVersion);
    result.push({ booking, workOrder: await mustGet(tx, 'workOrder', booking.workOrderId, 'Work order') });
  }
  return result;
}

async function loadMoves(tx: MutationTx, args: Args): Promise<Placement[]> {
  const result: Placement[] = [];
  for (const item of args.move) {
    const before = await loadMovable(tx, item.bookingId, item.expectedVersion);
    const workOrder = await mustGet(tx, 'workOrder', before.workOrderId, 'Work order');
    const duration = before.end - before.start;
    const after: Booking = { ...before, resourceId: item.resourceId, start: item.start, end: item.start + duration, ...assignmentAfter(before, item.resourceId) };
    result.push({ before, after, workOrder, job: await jobOf(tx, workOrder, Math.round(duration / 60_000)) });
  }
  return result;
}

async function loadBookings(tx: MutationTx, args: Args): Promise<Placement[]> {
  const result: Placement[] = [];
  for (const item of args.book) {
    const workOrder = await mustGet(tx, 'workOrder', item.workOrderId, 'Work order');
    checkVersion('workOrder', workOrder, item.expectedVersion);
    if (workOrder.status !== 'unscheduled') refuse('state', `Work order ${workOrder.number} is already ${workOrder.status}.`, { entity: 'workOrder', id: workOrder.id, row: workOrder });
    if (await tx.get('booking', item.bookingId)) refuse('state', `Booking ${item.bookingId} already exists.`);
    if (!(await tx.get('resource', item.resourceId))) refuse('not_found', `Technician ${item.resourceId} does not exist.`);
    const { type } = await siteOf(tx, workOrder);
    const after = newBooking({ id: item.bookingId, workOrderId: workOrder.id, resourceId: item.resourceId, start: item.start, end: item.start + type.durationMinutes * 60_000 });
    result.push({ before: null, after, workOrder, job: await jobOf(tx, workOrder, type.durationMinutes) });
  }
  return result;
}

async function jobOf(tx: MutationTx, workOrder: WorkOrder, durationMinutes: number): Promise<SchedulingJob> {
  const { account, type } = await siteOf(tx, workOrder);
  return toSchedulingJob(workOrder.id, account, type, durationMinutes);
}

/**
 * Judges every placement against the schedule with all changes made: the technicians' other
 * bookings around each day, minus every booking this change takes away or moves, plus every
 * visit at its new place.
 */
async function judgeAll(tx: MutationTx, placements: readonly Placement[], changedIds: readonly string[]): Promise<PlacementVerdict[]> {
  const verdicts: PlacementVerdict[] = [];
  const byDay = new Map<number, Placement[]>();
  for (const p of placements) {
    const day = Math.floor(p.after.start / DAY_MS);
    byDay.set(day, [...(byDay.get(day) ?? []), p]);
  }
  const judged = new Map<Placement, PlacementVerdict>();
  for (const [day, group] of byDay) {
    const world = await worldAround(tx, day * DAY_MS + DAY_MS / 2, changedIds, [...new Set(group.map((p) => p.after.resourceId))]);
    const index = indexWorld({ ...world, bookings: [...world.bookings, ...placements.map(toNewPosition)] });
    for (const p of group) {
      judged.set(p, judgePlacement(index, { job: p.job, resourceId: p.after.resourceId, start: p.after.start, promisedWindow: promisedWindowOf(p.workOrder), ignoreBookingId: p.after.id }));
    }
  }
  for (const p of placements) verdicts.push(judged.get(p) as PlacementVerdict);
  return verdicts;
}

const DAY_MS = 86_400_000;

function toNewPosition(p: Placement): ExistingBooking {
  return { id: p.after.id, resourceId: p.after.resourceId, start: p.after.start, end: p.after.end, location: p.job.location, status: 'scheduled', pinned: p.after.pinned, jobId: p.workOrder.id };
}

/** Overlaps are never allowed; any other rule needs the dispatcher's override. Names up to three offenders. */
function refuseBroken(placements: readonly Placement[], verdicts: readonly PlacementVerdict[], overridden: boolean): void {
  const lines = (keep: (v: PlacementVerdict) => boolean) =>
    placements.flatMap((p, i) => {
      const v = verdicts[i] as PlacementVerdict;
      return !v.allowed && keep(v) ? [`${p.workOrder.number}: ${v.message}`] : [];
    });
  const summary = (list: string[]) => list.slice(0, 3).join(' ') + (list.length > 3 ? ` (and ${list.length - 3} more)` : '');
  const overlaps = lines((v) => !v.allowed && !v.overridable);
  if (overlaps.length > 0) refuse('double_booking', summary(overlaps));
  const broken = lines((v) => !v.allowed && v.overridable);
  if (broken.length > 0 && !overridden) refuse('rule', `${summary(broken)} An override with a reason is needed.`);
}

async function write(tx: MutationTx, env: MutationEnv, args: Args, p: Placement, verdict: PlacementVerdict): Promise<void> {
  const after: Booking = { ...p.after, travelMinutes: verdict.travelMinutes };
  if (!verdict.allowed && args.override) after.explanation = explanationWithOverride(p.after.explanation, args.override, verdict, env);
  await tx.put('booking', after);
  if (!p.before) await tx.put('workOrder', { ...p.workOrder, status: 'scheduled' });
  await tx.audit({
    entity: 'booking',
    entityId: after.id,
    action: `${args.origin}:${p.before ? 'move' : 'book'}`,
    before: p.before ? JSON.stringify(p.before) : null,
    after: JSON.stringify({ ...after, override: !verdict.allowed && args.override ? { ...args.override, rule: verdict.rule, ruleMessage: verdict.message } : null }),
  });
}
