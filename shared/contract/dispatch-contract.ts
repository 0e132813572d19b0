import { z } from 'zod';
import { EpochMsSchema, IdSchema, TimeZoneSchema } from '../domain/common';
import type { BookingStatus } from '../domain/booking-status';
import type { PlacementRule } from '../mutations/placement-verdict';
import type { CandidateExplanation } from '../scheduling/auto-assign';
import type { ExistingBooking, SchedulingJob, SchedulingResource } from '../scheduling/types';
import { method } from './contract-method';
import type { RunMutationResponse } from './ipc-contract';

/**
 * The console API behind the dispatcher's actions on the board: the data for checking a drag in
 * the renderer, finding availability, the review queue, fitting urgent work in, planning a day
 * (in a worker, with progress events) and the ways forward from a refused change.
 */

const IsoDateSchema = z.iso.date({ message: 'must be a date like 2026-11-23' });
const DAY_MS = 86_400_000;

/** What to place: a booking already on the board, or an unscheduled work order. */
export const PlacementTargetSchema = z.union([z.object({ bookingId: IdSchema }).strict(), z.object({ workOrderId: IdSchema }).strict()]);
export type PlacementTarget = z.infer<typeof PlacementTargetSchema>;

const SpanSchema = z
  .object({ from: EpochMsSchema, to: EpochMsSchema })
  .strict()
  .refine((s) => s.to > s.from, { message: 'to must be after from', path: ['to'] })
  .refine((s) => s.to - s.from <= 7 * DAY_MS, { message: 'a search may span at most 7 days', path: ['to'] });

/** Technicians and their bookings around the board's range, for judging drags in the renderer. */
export interface SchedulingContext {
  rangeStart: number;
  rangeEnd: number;
  resources: SchedulingResource[];
  /** Active bookings touching the range or the day either side of it, at their sites. */
  bookings: ExistingBooking[];
}

export interface PlacementJob {
  workOrderId: string;
  workOrderNumber: string;
  title: string;
  accountName: string;
  workOrderVersion: number;
  job: SchedulingJob;
  promisedWindow: { start: number; end: number } | null;
  /** The booking, when the target is one. */
  booking: { id: string; version: number; resourceId: string; start: number; end: number; status: BookingStatus; pinned: boolean } | null;
}

/** One technician as the engine judged them for the work (its explanation of each), with the free start times it found. */
export interface AvailabilityCandidate extends CandidateExplanation {
  timeZone: string;
  /** 1-based among the matching technicians. */
  rank: number | null;
  /** Feasible starts on the quarter hour, earliest first (at most 8). */
  freeStarts: number[];
  moreFreeStarts: number;
}

export interface Availability {
  target: PlacementJob;
  summary: string;
  candidates: AvailabilityCandidate[];
}

export interface ReviewItem {
  bookingId: string;
  version: number;
  workOrderId: string;
  workOrderNumber: string;
  title: string;
  accountName: string;
  resourceId: string;
  resourceName: string;
  start: number;
  end: number;
  status: BookingStatus;
  travelMinutes: number;
  /** The stored explanation (JSON text, see shared/mutations/booking-explanation). */
  explanation: string | null;
}

export interface FitInMove {
  bookingId: string;
  version: number;
  workOrderNumber: string;
  accountName: string;
  contactName: string | null;
  from: number;
  to: number;
  pinned: boolean;
}

export interface FitInProblem {
  workOrderNumber: string;
  /** 'pinned': a pinned visit would be pushed on. */
  rule: PlacementRule | 'pinned';
  message: string;
  overridable: boolean;
}

export interface FitInCandidate {
  resourceId: string;
  resourceName: string;
  /** Where the technician sets off from: finishing the visit under way, the last one done today, or home base. */
  from: { kind: 'current_visit' | 'last_visit' | 'home'; workOrderNumber: string | null };
  arrival: number;
  start: number;
  end: number;
  travelMinutes: number;
  travelKm: number;
  /** Later visits of the day pushed on to make room, in order. */
  moves: FitInMove[];
  /** Rules the new visit or a pushed one would break; confirming then needs an override. */
  problems: FitInProblem[];
}

export interface FitInProposal {
  target: PlacementJob;
  now: number;
  candidates: FitInCandidate[];
  /** Technicians left out because they cannot do the work at all (territory, skills). */
  excluded: number;
}

export interface RowVersions {
  bookings: { id: string; version: number | null }[];
  workOrders: { id: string; version: number | null }[];
}

export interface PlanAssignment {
  workOrderId: string;
  workOrderNumber: string;
  workOrderVersion: number;
  title: string;
  accountName: string;
  resourceId: string;
  resourceName: string;
  start: number;
  end: number;
  travelMinutes: number;
}

export interface PlanUnassigned {
  workOrderId: string;
  workOrderNumber: string;
  accountName: string;
  code: string;
  reason: string;
}

export interface PlanPreview {
  assignments: PlanAssignment[];
  unassigned: PlanUnassigned[];
  /** Travel of the technicians who get new visits, without them and with them (minutes, kilometres). */
  travelBeforeMinutes: number;
  travelAfterMinutes: number;
  travelBeforeKm: number;
  travelAfterKm: number;
  rounds: number;
}

export type PlanRunState = 'running' | 'improving' | 'done' | 'canceled' | 'failed';

export interface PlanRun {
  id: string;
  date: string;
  state: PlanRunState;
  startedAt: number;
  /** Milliseconds from the start to the first complete plan. */
  firstResultMs: number | null;
  workOrderCount: number;
  technicianCount: number;
  preview: PlanPreview | null;
  /** Canceled while improving: the preview is the best plan found until then. */
  stoppedEarly: boolean;
  error: string | null;
}

export const dispatchContract = {
  getSchedulingContext: method<SchedulingContext>()(
    z.object({ date: IsoDateSchema, days: z.number().int().min(1).max(7).default(1), timeZone: TimeZoneSchema }).strict(),
  ),
  getPlacementJob: method<PlacementJob>()(z.object({ target: PlacementTargetSchema }).strict()),
  findAvailability: method<Availability>()(
    z.object({ target: PlacementTargetSchema, when: z.union([SpanSchema, z.object({ at: EpochMsSchema }).strict()]) }).strict(),
  ),
  listReviewQueue: method<ReviewItem[]>()(z.object({}).strict()),
  proposeFitIn: method<FitInProposal>()(z.object({ workOrderId: IdSchema }).strict()),
  getRowVersions: method<RowVersions>()(
    z.object({ bookingIds: z.array(IdSchema).max(1000).default([]), workOrderIds: z.array(IdSchema).max(1000).default([]) }).strict(),
  ),
  startPlan: method<PlanRun>()(z.object({ date: IsoDateSchema, workOrderIds: z.array(IdSchema).min(1).max(500).optional() }).strict()),
  cancelPlan: method<PlanRun>()(z.object({ planId: IdSchema }).strict()),
  getPlanRun: method<PlanRun>()(z.object({ planId: IdSchema }).strict()),
  resubmitSyncIssue: method<{ response: RunMutationResponse; dismissed: boolean }>()(z.object({ mutationId: IdSchema }).strict()),
};
