import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import type { PlacementJob } from '../../../shared/contract/dispatch-contract';
import { Temporal } from 'temporal-polyfill';
import { listReviewItems, loadActiveBookings, loadPlacementJob, rowVersions, visitLabels } from '../db/queries/scheduling-queries';
import { findAvailability as rankAvailability } from '../scheduling/availability';
import { proposeFitIn as fitIn } from '../scheduling/fit-in';
import { planRequestFor } from '../scheduling/plan-day';
import { resubmitIssue } from '../sync/resubmit-issue';
import type { ConsoleServices } from '../services';
import { NotFoundError } from './handler-errors';

/** The dispatcher's actions on the board: the engine over the replica (see electron/main/scheduling). */

const DAY_MS = 86_400_000;

function placementJob(services: ConsoleServices, target: ParsedRequestOf<'getPlacementJob'>['target']): PlacementJob {
  const job = loadPlacementJob(services.db, target);
  if (!job) throw new NotFoundError('bookingId' in target ? `There is no booking ${target.bookingId}.` : `There is no work order ${target.workOrderId}.`);
  return job;
}

/** Technicians and the bookings around the board's days (one day either side, for travel to and from the neighbours). */
export function getSchedulingContext(services: ConsoleServices, request: ParsedRequestOf<'getSchedulingContext'>): ResponseOf<'getSchedulingContext'> {
  const first = Temporal.PlainDate.from(request.date);
  const rangeStart = first.toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds;
  const rangeEnd = first.add({ days: request.days }).toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds;
  return { rangeStart, rangeEnd, resources: services.worlds.technicians().list, bookings: loadActiveBookings(services.db, rangeStart - DAY_MS, rangeEnd + DAY_MS) };
}

export function getPlacementJob(services: ConsoleServices, request: ParsedRequestOf<'getPlacementJob'>): ResponseOf<'getPlacementJob'> {
  return placementJob(services, request.target);
}

export function findAvailability(services: ConsoleServices, request: ParsedRequestOf<'findAvailability'>): ResponseOf<'findAvailability'> {
  return rankAvailability(services.worlds, placementJob(services, request.target), request.when);
}

export function listReviewQueue(services: ConsoleServices, _request: ParsedRequestOf<'listReviewQueue'>): ResponseOf<'listReviewQueue'> {
  return listReviewItems(services.db, services.now());
}

export function proposeFitIn(services: ConsoleServices, request: ParsedRequestOf<'proposeFitIn'>): ResponseOf<'proposeFitIn'> {
  const target = placementJob(services, { workOrderId: request.workOrderId });
  return fitIn(services.worlds, target, services.now(), (ids) => visitLabels(services.db, ids));
}

export function getRowVersions(services: ConsoleServices, request: ParsedRequestOf<'getRowVersions'>): ResponseOf<'getRowVersions'> {
  return { bookings: rowVersions(services.db, 'bookings', request.bookingIds), workOrders: rowVersions(services.db, 'work_orders', request.workOrderIds) };
}

export function startPlan(services: ConsoleServices, request: ParsedRequestOf<'startPlan'>): ResponseOf<'startPlan'> {
  return services.plans.start(planRequestFor(services.db, services.worlds, request));
}

export function cancelPlan(services: ConsoleServices, request: ParsedRequestOf<'cancelPlan'>): ResponseOf<'cancelPlan'> {
  const run = services.plans.cancel(request.planId);
  if (!run) throw new NotFoundError(`There is no plan run ${request.planId}.`);
  return run;
}

export function getPlanRun(services: ConsoleServices, request: ParsedRequestOf<'getPlanRun'>): ResponseOf<'getPlanRun'> {
  const run = services.plans.get(request.planId);
  if (!run) throw new NotFoundError(`There is no plan run ${request.planId}.`);
  return run;
}

export async function resubmitSyncIssue(services: ConsoleServices, request: ParsedRequestOf<'resubmitSyncIssue'>): Promise<ResponseOf<'resubmitSyncIssue'>> {
  const result = await resubmitIssue(services.db, services.sync, request.mutationId);
  if (!result) throw new NotFoundError(`There is no refused change ${request.mutationId}.`);
  return result;
}
