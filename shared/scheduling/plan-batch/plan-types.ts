import type { ExclusionCode } from '../exclusion';

export interface PlanBatchOptions {
  /** Local dates to plan ('YYYY-MM-DD'), each read in the technician's own zone (a night belongs to the date it starts). */
  days: string[];
  /** Time for the whole call in ms (greedy start included); default 1000. 0 = greedy start only. */
  budgetMs?: number;
  /** Clock for the budget only; default `() => Date.now()`. */
  clock?: () => number;
  /** Seed of the search's random choices; default 1. */
  seed?: number;
  /** Cap on search rounds: with it the same input and seed give the same plan on any machine (unless the budget ends first). */
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
  /** 'home': the drive home at the end of the day, for a technician who returns home (start = end = arrival). */
  kind: 'existing' | 'planned' | 'home';
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
  /** Home base → every stop in order, and back home when the technician returns home. */
  travelMinutes: number;
  travelKm: number;
}

export interface UnassignedJob {
  jobId: string;
  /** 'not_placed': some technician-day could take it on its own, but the plan found has no room for it beside the other visits. */
  code: ExclusionCode | 'window' | 'not_placed';
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
  stats: {
    greedyAddedTravelMinutes: number;
    greedyAssigned: number;
    /** Travel of the greedy start's routes (as totals.travelMinutes and travelKm count it). */
    greedyTravelMinutes: number;
    greedyTravelKm: number;
    greedyMs: number;
    /** Ruin-and-recreate rounds after the first descent to a local optimum. */
    rounds: number;
    /** The batch was small enough to try every split and order: the plan is the optimum (no search rounds). */
    solvedExactly: boolean;
    elapsedMs: number;
  };
}
