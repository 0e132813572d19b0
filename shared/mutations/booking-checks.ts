import type { Booking, IncidentType, ServiceAccount, WorkOrder } from '../domain/entities';
import { match } from '../scheduling/match';
import { refuse, type MutationTx } from './mutation-context';
import { toSchedulingJob, worldAround } from './scheduling-world';

/** Loads a row or refuses with not_found. */
export async function mustGet<E extends 'booking' | 'workOrder' | 'account' | 'incidentType' | 'resource' | 'portalRequest' | 'contact'>(
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
  overrideReason?: string | undefined;
}

/**
 * Every scheduling rule for putting a work order's visit on a technician at a time: no
 * double-booking ever, and the engine's match rules unless the dispatcher overrides with a reason.
 * Returns the travel minutes the engine computed to reach the site.
 */
export async function checkPlacement(tx: MutationTx, check: PlacementCheck): Promise<{ travelMinutes: number }> {
  const end = check.start + check.durationMinutes * 60_000;
  await checkNoDoubleBooking(tx, check.resourceId, check.start, end, check.movingBookingId);
  if (!(await tx.get('resource', check.resourceId))) refuse('not_found', `Technician ${check.resourceId} does not exist.`);
  const { account, type } = await siteOf(tx, check.workOrder);
  const world = await worldAround(tx, check.start, check.movingBookingId ? [check.movingBookingId] : []);
  const job = toSchedulingJob(check.workOrder.id, account, type, check.durationMinutes);
  const result = match(job, { ...world, resources: world.resources.filter((r) => r.id === check.resourceId) }, check.start)[0];
  const travelMinutes = Math.ceil(result?.origin?.travel.minutes ?? 0);
  const broken = result && !result.matches ? result.exclusion.message : promisedWindowBreach(check.workOrder, check.start, account.timeZone);
  if (broken && !check.overrideReason?.trim()) refuse('rule', `${broken} An override with a reason is needed.`);
  return { travelMinutes };
}

/** The arrival promised to the customer: the visit must start inside it. Shown in the account's zone, named. */
function promisedWindowBreach(workOrder: WorkOrder, start: number, timeZone: string): string | undefined {
  const { promisedWindowStart: from, promisedWindowEnd: to } = workOrder;
  if (from === null || to === null || (start >= from && start <= to)) return undefined;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return `The visit would start outside the arrival window promised to the customer (${format.formatRange(from, to)}, ${timeZone}).`;
}

export async function siteOf(tx: MutationTx, workOrder: WorkOrder): Promise<{ account: ServiceAccount; type: IncidentType }> {
  const account = await mustGet(tx, 'account', workOrder.accountId, 'Account');
  const type = await mustGet(tx, 'incidentType', workOrder.incidentTypeId, 'Incident type');
  return { account, type };
}
