import { staticExclusion } from '../exclusion';
import type { SchedulingJob, SchedulingResource } from '../types';
import type { UnassignedJob } from './plan-types';
import { NodeKind } from './problem';
import type { Problem, RouteSpec } from './problem';
import { fitsAlone } from './fits-alone';
import type { Solution } from './solution';

/**
 * Why a job stayed unassigned, from the most fundamental rule to "no room left", and only
 * what is true of the plan returned: "no free slot" only when no qualified technician-day
 * could take it even with none of the other planned visits; when one could, the job was
 * not placed beside them, and the reason says so.
 */
export function unassignedReason(p: Problem, s: Solution, j: number, resources: readonly SchedulingResource[]): UnassignedJob {
  const job = p.jobs[j] as SchedulingJob;
  const statics = resources.map((r) => staticExclusion(r, job));
  if (statics.every((e) => e !== null)) {
    const territory = statics.every((e) => e?.code === 'territory');
    return {
      jobId: job.id,
      code: territory ? 'territory' : 'skill',
      reason: territory
        ? `no technician serves territory ${job.territoryId}`
        : `no technician in the territory has the required characteristics (${statics.find((e) => e?.code === 'skill')?.message ?? 'skills'})`,
    };
  }
  const qualified = p.routes.map((_, r) => r).filter((r) => !staticExclusion((p.routes[r] as RouteSpec).day.resource, job) && windowMeetsDay(p, j, p.routes[r] as RouteSpec));
  if (qualified.length === 0) {
    return { jobId: job.id, code: 'window', reason: 'no qualified technician works on a planned day inside the promised window' };
  }
  if (qualified.every((r) => isFull(p, s, r, j))) {
    return { jobId: job.id, code: 'capacity', reason: `every qualified technician-day (${qualified.length}) is at its daily capacity` };
  }
  const alone = qualified.find((r) => fitsAlone(p, p.routes[r] as RouteSpec, j));
  if (alone === undefined) {
    return {
      jobId: job.id,
      code: 'no_free_time',
      reason: `no free ${job.durationMinutes}-minute slot with travel${job.window ? ' inside the promised window' : ''} on ${qualified.length} qualified technician-day(s), even without the other planned visits`,
    };
  }
  const spec = p.routes[alone] as RouteSpec;
  const planned = (s.routes[alone] as number[]).filter((n) => p.kind[n] === NodeKind.Job).length;
  return {
    jobId: job.id,
    code: 'not_placed',
    reason: `${spec.day.resource.name} could take it on ${spec.day.date} on its own, but not together with the ${planned} visit${planned === 1 ? '' : 's'} planned there; the planner found no plan with room for it`,
  };
}

function windowMeetsDay(p: Problem, j: number, spec: RouteSpec): boolean {
  const window = p.jobs[j]?.window;
  if (!window) return true;
  return spec.day.shifts.some((shift) => shift.start < window.latestEnd && window.earliestStart < shift.end);
}

function isFull(p: Problem, s: Solution, r: number, j: number): boolean {
  const spec = p.routes[r] as RouteSpec;
  const total = s.total[r];
  return !!total && (total.count + 1 > spec.maxJobs || total.load + (p.load[j] as number) > spec.maxLoad);
}
