import { planBatch } from '../../../shared/scheduling/index';
import type { PlanResult, SchedulingJob, World } from '../../../shared/scheduling/index';

/** What the planner worker is given: plain data only (it crosses a thread boundary). */
export interface PlanPhasesInput {
  jobs: SchedulingJob[];
  world: Pick<World, 'resources' | 'bookings'>;
  days: string[];
  /** How long to keep improving after the first plan; 0 stops at the first. */
  budgetMs: number;
  seed: number;
}

export type PlanPhaseMessage = { kind: 'result'; phase: 'first' | 'final'; result: PlanResult } | { kind: 'error'; message: string };

/**
 * The console's only door to the batch planner (planBatch, shared/scheduling's public entry):
 * a quick first plan (greedy insertion, no improvement budget) so the dispatcher sees a result
 * at once, then the same problem again with the improvement budget. Each is posted as it comes.
 */
export function runPlanPhases(input: PlanPhasesInput, post: (message: PlanPhaseMessage) => void): void {
  try {
    post({ kind: 'result', phase: 'first', result: planBatch(input.jobs, input.world, { days: input.days, budgetMs: 0, seed: input.seed }) });
    if (input.budgetMs > 0) post({ kind: 'result', phase: 'final', result: planBatch(input.jobs, input.world, { days: input.days, budgetMs: input.budgetMs, seed: input.seed }) });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
