import type { PlanAssignment, PlanPreview, PlanUnassigned, PlacementJob } from '../../../shared/contract/dispatch-contract';
import type { PlanResult, SchedulingJob, SchedulingResource, World } from '../../../shared/scheduling/index';
import { defaultTravel } from '../../../shared/scheduling/travel-model';
import type { LatLng } from '../../../shared/scheduling/types';
import type { Replica } from '../db/open-replica';
import { loadPlacementJob, unscheduledWorkOrderIds } from '../db/queries/scheduling-queries';
import type { PlanRequest } from './plan-runner';
import type { SchedulingWorlds } from './world-cache';

const DAY_MS = 86_400_000;

/**
 * "Plan the day": the unscheduled work orders (or the chosen ones among them) as the planner's
 * jobs, every technician with their bookings around the date, and how to describe the answer.
 * Existing bookings, pinned or not, are never moved by the planner.
 */
export function planRequestFor(db: Replica, worlds: SchedulingWorlds, request: { date: string; workOrderIds?: readonly string[] | undefined }): PlanRequest {
  const unscheduled = unscheduledWorkOrderIds(db);
  const wanted = request.workOrderIds ? new Set(request.workOrderIds) : null;
  const targets = unscheduled
    .filter((id) => !wanted || wanted.has(id))
    .map((id) => loadPlacementJob(db, { workOrderId: id }))
    .filter((t): t is PlacementJob => t !== undefined);
  const midnightUtc = Date.parse(`${request.date}T00:00:00Z`);
  // Wide enough for the local date in any zone, plus the neighbouring days' late and early visits.
  const world = worlds.world(midnightUtc - 2 * DAY_MS, midnightUtc + 3 * DAY_MS);
  const jobs = targets.map(withPromisedWindow);
  return {
    date: request.date,
    input: { jobs, world: { resources: world.resources, bookings: world.bookings }, days: [request.date] },
    describe: (result) => describePlan(result, targets, world, worlds.technicians().byId),
  };
}

/** The promised window is for the start; the planner's window bounds the whole visit. */
function withPromisedWindow(target: PlacementJob): SchedulingJob {
  const window = target.promisedWindow;
  return window ? { ...target.job, window: { earliestStart: window.start, latestEnd: window.end + target.job.durationMinutes * 60_000 } } : target.job;
}

export function describePlan(result: PlanResult, targets: readonly PlacementJob[], world: World, resources: ReadonlyMap<string, SchedulingResource>): PlanPreview {
  const byId = new Map(targets.map((t) => [t.workOrderId, t]));
  const assignments: PlanAssignment[] = result.assignments.map((a) => {
    const target = byId.get(a.jobId) as PlacementJob;
    return {
      workOrderId: a.jobId,
      workOrderNumber: target.workOrderNumber,
      workOrderVersion: target.workOrderVersion,
      title: target.title,
      accountName: target.accountName,
      resourceId: a.resourceId,
      resourceName: resources.get(a.resourceId)?.name ?? a.resourceId,
      start: a.start,
      end: a.end,
      travelMinutes: Math.ceil(a.travelMinutes),
    };
  });
  const unassigned: PlanUnassigned[] = result.unassigned.map((u) => {
    const target = byId.get(u.jobId) as PlacementJob;
    return { workOrderId: u.jobId, workOrderNumber: target.workOrderNumber, accountName: target.accountName, code: u.code, reason: u.reason };
  });
  const before = travelWithoutPlan(result, world, resources);
  return {
    assignments,
    unassigned,
    travelBeforeMinutes: Math.round(result.totals.travelMinutes - result.totals.addedTravelMinutes),
    travelAfterMinutes: Math.round(result.totals.travelMinutes),
    travelBeforeKm: Math.round(before * 10) / 10,
    travelAfterKm: Math.round(result.totals.travelKm * 10) / 10,
    rounds: result.stats.rounds,
  };
}

/** Kilometres the technicians who get new visits would drive through their existing visits alone. */
function travelWithoutPlan(result: PlanResult, world: World, resources: ReadonlyMap<string, SchedulingResource>): number {
  const sites = new Map(world.bookings.map((b) => [b.id, b.location]));
  const travel = world.travel ?? defaultTravel;
  let km = 0;
  for (const route of result.routes) {
    let from: LatLng | undefined = resources.get(route.resourceId)?.homeBase;
    for (const stop of route.stops) {
      const site = stop.kind === 'existing' ? sites.get(stop.id) : undefined;
      if (!site || !from) continue;
      km += travel.between(from, site).km;
      from = site;
    }
  }
  return km;
}
