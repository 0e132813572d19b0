import type { LatLng, SchedulingJob } from '../types';
import type { PlannedRoute, PlannedVisit, PlanTotals, RouteStop } from './plan-types';
import { NodeKind } from './problem';
import type { Problem, RouteSpec } from './problem';
import { scheduleRoute } from './route-timing';
import type { Solution } from './solution';

/** The plan as people read it: routes with timed stops and the travel of each drive, from the travel model. */
export function plannedRoutes(p: Problem, s: Solution): PlannedRoute[] {
  const routes: PlannedRoute[] = [];
  s.routes.forEach((nodes, r) => {
    const spec = p.routes[r] as RouteSpec;
    if (nodes.length === 2 + spec.fixed.length) return; // nothing planned on this technician-day
    const { starts } = scheduleRoute(p, spec, nodes, nodes.length, true);
    const stops: RouteStop[] = [];
    let from: LatLng = spec.day.resource.homeBase;
    nodes.forEach((node, i) => {
      const kind = p.kind[node] as NodeKind;
      if (kind === NodeKind.Start || (kind === NodeKind.End && !spec.returnHome)) return;
      const site = kind === NodeKind.End ? spec.day.resource.homeBase : (siteOf(p, spec, node) as LatLng);
      const leg = p.travel.between(from, site);
      from = site;
      const start = starts[i] as number;
      stops.push({ kind: kindName(kind), id: idOf(p, spec, node), start, end: endOf(p, spec, node, start), travelMinutes: leg.minutes, travelKm: leg.km });
    });
    routes.push({
      resourceId: spec.day.resource.id,
      date: spec.day.date,
      stops,
      travelMinutes: stops.reduce((sum, x) => sum + x.travelMinutes, 0),
      travelKm: stops.reduce((sum, x) => sum + x.travelKm, 0),
    });
  });
  return routes;
}

function kindName(kind: NodeKind): RouteStop['kind'] {
  return kind === NodeKind.Job ? 'planned' : kind === NodeKind.Fixed ? 'existing' : 'home';
}

function fixedIndex(spec: RouteSpec, node: number): number {
  return spec.fixed.indexOf(node);
}

function siteOf(p: Problem, spec: RouteSpec, node: number): LatLng | undefined {
  if (p.kind[node] === NodeKind.Job) return (p.jobs[node] as SchedulingJob).location;
  return spec.day.dayStops[fixedIndex(spec, node)]?.location;
}

function idOf(p: Problem, spec: RouteSpec, node: number): string {
  if (p.kind[node] === NodeKind.Job) return (p.jobs[node] as SchedulingJob).id;
  if (p.kind[node] === NodeKind.Fixed) return spec.day.dayStops[fixedIndex(spec, node)]?.id ?? '';
  return spec.day.resource.id;
}

function endOf(p: Problem, spec: RouteSpec, node: number, start: number): number {
  if (p.kind[node] === NodeKind.Job) return start + (p.jobs[node] as SchedulingJob).durationMinutes * 60_000;
  if (p.kind[node] === NodeKind.Fixed) return spec.day.dayStops[fixedIndex(spec, node)]?.end ?? start;
  return start;
}

/** Travel (minutes) of a technician-day with its existing bookings only: what the planned visits add to. */
export function baseTravelMinutes(p: Problem, spec: RouteSpec): number {
  let from = spec.day.resource.homeBase;
  let minutes = 0;
  for (const stop of spec.day.dayStops) {
    minutes += p.travel.between(from, stop.location).minutes;
    from = stop.location;
  }
  if (spec.returnHome && spec.day.dayStops.length > 0) minutes += p.travel.between(from, spec.day.resource.homeBase).minutes;
  return minutes;
}

export function visitsOf(routes: readonly PlannedRoute[]): PlannedVisit[] {
  return routes.flatMap((r) =>
    r.stops
      .filter((stop) => stop.kind === 'planned')
      .map((stop) => ({ jobId: stop.id, resourceId: r.resourceId, date: r.date, start: stop.start, end: stop.end, travelMinutes: stop.travelMinutes, travelKm: stop.travelKm })),
  );
}

export function totalsOf(p: Problem, s: Solution, routes: readonly PlannedRoute[], unassigned: number): PlanTotals {
  const travelMinutes = routes.reduce((sum, r) => sum + r.travelMinutes, 0);
  const base = s.routes.reduce((sum, nodes, r) => {
    const spec = p.routes[r] as RouteSpec;
    return nodes.length === 2 + spec.fixed.length ? sum : sum + baseTravelMinutes(p, spec);
  }, 0);
  return {
    assigned: visitsOf(routes).length,
    unassigned,
    travelMinutes,
    travelKm: routes.reduce((sum, r) => sum + r.travelKm, 0),
    addedTravelMinutes: travelMinutes - base,
  };
}
