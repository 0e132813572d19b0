import { staticExclusion } from '../exclusion';
import type { SchedulingJob, SchedulingResource } from '../types';
import type { UnassignedJob } from './plan-types';
import type { PlanState } from './plan-state';
import type { Route } from './route-timing';

/** Why a job stayed unassigned, from the most fundamental rule to "no room left". */
export function unassignedReason(state: PlanState, jobIndex: number, resources: readonly SchedulingResource[]): UnassignedJob {
  const job = state.jobs[jobIndex] as SchedulingJob;
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
  const eligible = (state.eligible[jobIndex] ?? []).map((i) => state.routes[i] as Route);
  if (eligible.length === 0) {
    return { jobId: job.id, code: 'window', reason: 'no qualified technician works on a planned day inside the promised window' };
  }
  const atCapacity = eligible.every((r) => isFull(r, state, job));
  if (atCapacity) return { jobId: job.id, code: 'capacity', reason: `every qualified technician-day (${eligible.length}) is at its daily capacity` };
  return {
    jobId: job.id,
    code: 'no_free_time',
    reason: `no free ${job.durationMinutes}-minute slot with travel${job.window ? ' inside the promised window' : ''} on ${eligible.length} qualified technician-day(s)`,
  };
}

function isFull(route: Route, state: PlanState, job: SchedulingJob): boolean {
  const cap = route.day.resource.dailyCapacity;
  if (!cap) return false;
  const planned = route.seq.map((j) => state.jobs[j] as SchedulingJob);
  const count = route.day.dayStops.length + planned.length;
  const load = route.day.dayStops.reduce((s, x) => s + x.load, 0) + planned.reduce((s, j) => s + (j.load ?? 1), 0);
  return (cap.maxJobs !== undefined && count + 1 > cap.maxJobs) || (cap.maxLoad !== undefined && load + (job.load ?? 1) > cap.maxLoad);
}
