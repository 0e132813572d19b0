import type { Stop } from './day-context';
import { usedLoad } from './day-context';
import type { SchedulingJob, SchedulingResource } from './types';

/** Why a technician cannot take a job: a machine code plus a sentence for people. */
export type ExclusionCode =
  | 'territory'
  | 'skill'
  | 'working_hours'
  | 'time_off'
  | 'overlap'
  | 'travel_before'
  | 'travel_after'
  | 'capacity'
  /** over a whole day or window: no start satisfies every rule at once */
  | 'no_free_time';

export interface Exclusion {
  code: ExclusionCode;
  message: string;
}

/** Rules that do not depend on time: territory, then every required characteristic. */
export function staticExclusion(resource: SchedulingResource, job: SchedulingJob): Exclusion | null {
  if (!resource.territoryIds.includes(job.territoryId)) {
    return { code: 'territory', message: `does not serve territory ${job.territoryId}` };
  }
  for (const need of job.requiredCharacteristics) {
    const rating = resource.characteristics[need.characteristicId];
    if (rating === undefined) {
      return { code: 'skill', message: `lacks ${need.characteristicId} rating ${need.minRating} (has none)` };
    }
    if (rating < need.minRating) {
      return { code: 'skill', message: `lacks ${need.characteristicId} rating ${need.minRating} (has ${rating})` };
    }
  }
  return null;
}

export function jobLoad(job: SchedulingJob): number {
  return job.load ?? 1;
}

/** Daily capacity: one more job (and its load) must stay within the technician's limits for that day. */
export function capacityExclusion(
  resource: SchedulingResource,
  date: string,
  dayStops: readonly Stop[],
  load: number,
): Exclusion | null {
  const cap = resource.dailyCapacity;
  if (!cap) return null;
  if (cap.maxJobs !== undefined && dayStops.length + 1 > cap.maxJobs) {
    return { code: 'capacity', message: `already has ${dayStops.length} jobs on ${date} (limit ${cap.maxJobs})` };
  }
  const used = usedLoad(dayStops);
  if (cap.maxLoad !== undefined && used + load > cap.maxLoad) {
    return { code: 'capacity', message: `load ${used} + ${load} on ${date} exceeds limit ${cap.maxLoad}` };
  }
  return null;
}
