import type { Problem, RouteSpec } from './problem';
import { scheduleRoute } from './route-timing';

/** Jobs that fit on at least one of their technician-days with only its existing bookings. */
export function placeableJobs(p: Problem): number[] {
  const jobs: number[] = [];
  for (let j = 0; j < p.nJobs; j++) if ((p.eligible[j] ?? []).some((r) => fitsAlone(p, p.routes[r] as RouteSpec, j))) jobs.push(j);
  return jobs;
}

/** Whether the job fits somewhere on the technician-day with only its existing bookings. */
export function fitsAlone(p: Problem, spec: RouteSpec, j: number): boolean {
  const base = [spec.startNode, ...spec.fixed, spec.endNode];
  const bookedLoad = spec.fixed.reduce((sum, f) => sum + (p.load[f] as number), 0);
  if (spec.fixed.length + 1 > spec.maxJobs || bookedLoad + (p.load[j] as number) > spec.maxLoad) return false;
  for (let at = 1; at < base.length; at++) {
    const nodes = [...base.slice(0, at), j, ...base.slice(at)];
    if (scheduleRoute(p, spec, nodes).timeWarp <= spec.baseTimeWarp) return true;
  }
  return false;
}
