import { checked, SchedulingJobSchema } from './engine-options';
import type { ExclusionCode } from './exclusion';
import { formatLocal } from './local-time';
import { distanceKey, rankCandidates } from './rank-candidates';
import type { CandidateTime, RankedCandidate } from './rank-candidates';
import type { SchedulingJob, World } from './types';

/** A booking the engine proposes; the caller stores it (with the explanation) in its own transaction. */
export interface ProposedBooking {
  jobId: string;
  resourceId: string;
  start: number;
  end: number;
  /** Start in the job's (account's) zone, ISO with offset. */
  startLocal: string;
  travelKm: number;
  travelMinutes: number;
}

export interface CandidateExplanation {
  resourceId: string;
  resourceName: string;
  outcome: 'won' | 'lost' | 'excluded';
  start: number | null;
  travelKm: number | null;
  travelMinutes: number | null;
  bookedMinutesThatDay: number | null;
  /** For excluded candidates, the rule. */
  rule: ExclusionCode | null;
  /** Why it won, lost or was excluded, in one sentence. */
  reason: string;
}

export interface AssignmentExplanation {
  jobId: string;
  winnerId: string | null;
  candidates: CandidateExplanation[];
  summary: string;
}

export interface AutoAssignResult {
  booking: ProposedBooking | null;
  explanation: AssignmentExplanation;
}

/** A job to auto-assign: at `start` if given, else at each technician's earliest start inside `window`. */
export type AutoAssignJob = SchedulingJob & { start?: number };

/**
 * Picks the matching technician with the shortest travel to the site (from the previous
 * booking's site that day or home base); ties go to the lighter day, then the resource id.
 */
export function autoAssign(job: AutoAssignJob, world: World): AutoAssignResult {
  checked(SchedulingJobSchema, job, 'job');
  const when = assignmentTime(job);
  if (!when) throw new Error(`Job ${job.id} needs a start or a window to be auto-assigned`);
  const ranked = rankCandidates(job, world, when);
  const winner = ranked[0]?.matches ? ranked[0] : null;
  const candidates = ranked.map((c) => explainCandidate(c, winner));
  const explanation: AssignmentExplanation = {
    jobId: job.id,
    winnerId: winner?.resourceId ?? null,
    candidates,
    summary: winner
      ? `${winner.resourceName} assigned: ${formatKm(winner)} km, ${formatMinutes(winner)} min travel; ${ranked.filter((c) => c.matches).length} of ${ranked.length} technicians matched.`
      : `No technician matches: ${ranked.length} considered.`,
  };
  return { booking: winner ? proposeBooking(job, winner) : null, explanation };
}

function assignmentTime(job: AutoAssignJob): CandidateTime | null {
  if (job.start !== undefined) return { at: job.start };
  if (job.window) return { from: job.window.earliestStart, to: job.window.latestEnd };
  return null;
}

function proposeBooking(job: SchedulingJob, winner: RankedCandidate): ProposedBooking {
  const start = winner.start ?? 0;
  return {
    jobId: job.id,
    resourceId: winner.resourceId,
    start,
    end: start + job.durationMinutes * 60_000,
    startLocal: formatLocal(start, job.timeZone),
    travelKm: round1(winner.origin?.travel.km ?? 0),
    travelMinutes: round1(winner.origin?.travel.minutes ?? 0),
  };
}

function explainCandidate(c: RankedCandidate, winner: RankedCandidate | null): CandidateExplanation {
  // Built as one object literal (no spreads): this runs for every technician on every call.
  const outcome = !c.matches ? 'excluded' : !winner || c === winner ? 'won' : 'lost';
  return {
    resourceId: c.resourceId,
    resourceName: c.resourceName,
    start: c.start,
    travelKm: c.origin ? round1(c.origin.travel.km) : null,
    travelMinutes: c.origin ? round1(c.origin.travel.minutes) : null,
    bookedMinutesThatDay: c.bookedMinutesThatDay,
    outcome,
    rule: outcome === 'excluded' ? (c.exclusion?.code ?? null) : null,
    reason:
      outcome === 'excluded'
        ? (c.exclusion?.message ?? 'does not match')
        : outcome === 'won'
          ? 'shortest travel among matching technicians'
          : whyLost(c, winner as RankedCandidate),
  };
}

function whyLost(c: RankedCandidate, winner: RankedCandidate): string {
  if (distanceKey(c.origin?.travel.km ?? 0) !== distanceKey(winner.origin?.travel.km ?? 0)) {
    return `longer travel ${formatKm(c)} km vs ${formatKm(winner)} km`;
  }
  if ((c.bookedMinutesThatDay ?? 0) !== (winner.bookedMinutesThatDay ?? 0)) {
    return `same distance, heavier day (${c.bookedMinutesThatDay} min booked vs ${winner.bookedMinutesThatDay} min)`;
  }
  return `same distance and same day load, later in stable order (${c.resourceId} after ${winner.resourceId})`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function formatKm(c: RankedCandidate): string {
  return (c.origin?.travel.km ?? 0).toFixed(1);
}

function formatMinutes(c: RankedCandidate): string {
  return (c.origin?.travel.minutes ?? 0).toFixed(0);
}
