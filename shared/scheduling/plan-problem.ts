import type { PlanBatchOptions } from './plan-batch/plan-types';
import type { PlanInput } from './plan-input-schema';
import { createGreatCircleTravel, createMatrixTravel } from './travel-model';
import type { SchedulingJob, World } from './types';

/** Turns a validated plan file into planBatch's arguments. */
export function planProblemFromInput(input: PlanInput): { jobs: SchedulingJob[]; world: World; options: PlanBatchOptions } {
  const greatCircle = createGreatCircleTravel({ roadFactor: input.options.roadFactor, speedKmh: input.options.speedKmh });
  const travel = input.matrix ? createMatrixTravel(input.matrix, greatCircle) : greatCircle;
  return {
    jobs: input.jobs,
    world: { resources: input.technicians, bookings: input.bookings, travel },
    options: {
      days: input.options.days,
      budgetMs: input.options.budgetMs,
      seed: input.options.seed,
      maxRounds: input.options.maxRounds,
    },
  };
}
