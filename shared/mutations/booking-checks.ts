import type { Booking, IncidentType, ServiceAccount, WorkOrder } from '../domain/entities';
import type { Override } from '../domain/override-reasons';
import { indexWorld } from '../scheduling/world-index';
import { refuse, type MutationTx } from './mutation-context';
import { judgePlacement, type PlacementRule } from './placement-verdict';
import { toSchedulingJob, worldAround } from './scheduling-world';

/** Loads a row or refuses with not_found. */
export async function mustGet<E extends 'booking' | 'workOrder' | 'account' | 'incidentType' | 'resource' | 'portalRequest' | 'contact' | 'notification'>(
  tx: MutationTx,
  entity: E,
  id: string,
  label: string,
) {
  const row = await tx.get(entity, id);
  if (!row) refuse('not_found', `${label} ${id} does not exist.`);
  return row;
}

/** Optimistic concurrency: the caller saw `expected`; anything else means someone changed it since. */
export function checkVersion(entity: 'booking' | 'workOrder', row: Booking | WorkOrder, expected: number): void {
  if (row.version !== expected) {
    refuse('version_conflict', `The ${entity === 'booking' ? 'booking' : 'work order'} was changed by someone else (version ${row.version}, you had ${expected}).`, {
      entity,
      id: row.id,
      row,
    });
  }
}

/** The one rule no override can break: a technician is never in two places at once. */
export async function checkNoDoubleBooking(tx: MutationTx, resourceId: string, start: number, end: number, ignoreBookingId?: string): Promise<void> {
  const clashes = (await tx.activeBookingsBetween(start, end, [resourceId])).filter((b) => b.id !== ignoreBookingId);
  const clash = clashes[0];
  if (clash) refuse('double_booking', `The technician already has booking ${clash.id} at that time.`, { entity: 'booking', id: clash.id, row: clash });
}

export interface PlacementCheck {
  workOrder: WorkOrder;
  resourceId: string;
  start: number;
  durationMinutes: number;
  movingBookingId?: string;
  /** A dispatcher's reason to break a soft rule (skills, territory, hours, travel). Overlaps stay forbidden. */
  override?: Override | undefined;
}

/** A rule the placement breaks, which the dispatcher's override waived. */
export type BrokenRule = { rule: PlacementRule; message: string };

/**
 * Every scheduling rule for putting a work order's visit on a technician at a time: no
 * double-booking ever, and the engine's match rules unless the dispatcher overrides with a reason.
 * Returns the travel minutes the engine computed to reach the site, and the rule an override waived.
 */
export async function checkPlacement(tx: MutationTx, check: PlacementCheck): Promise<{ travelMinutes: number; waived: BrokenRule | null }> {
  const end = check.start + check.durationMinutes * 60_000;
  await checkNoDoubleBooking(tx, check.resourceId, check.start, end, check.movingBookingId);
  if (!(await tx.get('resource', check.resourceId))) refuse('not_found', `Technician ${check.resourceId} does not exist.`);
  const { account, type } = await siteOf(tx, check.workOrder);
  const world = await worldAround(tx, check.start, check.movingBookingId ? [check.movingBookingId] : [], [check.resourceId]);
  const verdict = judgePlacement(indexWorld(world), {
    job: toSchedulingJob(check.workOrder.id, account, type, check.durationMinutes),
    resourceId: check.resourceId,
    start: check.start,
    promisedWindow: promisedWindowOf(check.workOrder),
  });
  if (verdict.allowed) return { travelMinutes: verdict.travelMinutes, waived: null };
  if (!verdict.overridable) refuse('double_booking', verdict.message);
  if (!check.override) refuse('rule', `${verdict.message} An override with a reason is needed.`);
  return { travelMinutes: verdict.travelMinutes, waived: { rule: verdict.rule, message: verdict.message } };
}

/** The arrival window promised to the customer, when there is one. */
export function promisedWindowOf(workOrder: WorkOrder): { start: number; end: number } | null {
  const { promisedWindowStart: start, promisedWindowEnd: end } = workOrder;
  return start === null || end === null ? null : { start, end };
}

export async function siteOf(tx: MutationTx, workOrder: WorkOrder): Promise<{ account: ServiceAccount; type: IncidentType }> {
  const account = await mustGet(tx, 'account', workOrder.accountId, 'Account');
  const type = await mustGet(tx, 'incidentType', workOrder.incidentTypeId, 'Incident type');
  return { account, type };
}
