import type { ExclusionCode } from '../exclusion';

export interface PlanBatchOptions {
  /** Local dates to plan ('YYYY-MM-DD'), each read in the technician's own zone. */
  days: string[];
  /** Local-search time budget in ms after the greedy start; default 1000. 0 = greedy only. */
  budgetMs?: number;
  /** Clock for the budget only; default `() => Date.now()`. */
  clock?: () => number;
  /** Seed for the order in which local search explores moves; default 1. */
  seed?: number;
  /** Cap on improvement rounds, for runs that must not depend on machine speed. */
  maxRounds?: number;
}

export interface PlannedVisit {
  jobId: string;
  resourceId: string;
  date: string;
  start: number;
  end: number;
  /** Drive into this visit from the previous stop (or home base). */
  travelMinutes: number;
  travelKm: number;
}

export interface RouteStop {
  kind: 'existing' | 'planned';
  id: string;
  start: number;
  end: number;
  travelMinutes: number;
  travelKm: number;
}

export interface PlannedRoute {
  resourceId: string;
  date: string;
  /** Existing bookings and planned visits of that day in time order. */
  stops: RouteStop[];
  /** Home base → every stop in order (the drive home is not counted, see match.ts). */
  travelMinutes: number;
  travelKm: number;
}

export interface UnassignedJob {
  jobId: string;
  code: ExclusionCode | 'window';
  reason: string;
}

export interface PlanTotals {
  assigned: number;
  unassigned: number;
  /** Sum over the routes that received planned visits. */
  travelMinutes: number;
  travelKm: number;
  /** Travel added by the planned visits (the objective), over all routes. */
  addedTravelMinutes: number;
}

export interface PlanResult {
  assignments: PlannedVisit[];
  unassigned: UnassignedJob[];
  routes: PlannedRoute[];
  totals: PlanTotals;
  stats: { greedyAddedTravelMinutes: number; greedyAssigned: number; greedyMs: number; rounds: number; elapsedMs: number };
}
