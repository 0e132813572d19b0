/**
 * The batch planner's search parameters in one place, with the values measured best on the
 * VRPTW benchmark (`npm run bench -- vrptw`, docs/plan-command.md) and the exhaustive-optimum
 * test. Read-only for the engine; benchmarks may override them to compare settings.
 */
export const searchSettings = {
  /** Close jobs per job that moves consider (granular neighbourhood). */
  granularSize: 20,
  /** Jobs ordered by distance that ruin walks through to find strings around its seed. */
  ruinReach: 60,
  /** Average jobs taken out per round, and at most this share of the jobs. */
  averageRemoved: 20,
  averageRemovedShare: 0.15,
  /** At least this many on average, so that a round can take strings from two routes (with two, recreate mostly put them back where they were). */
  minRemoved: 3,
  /** Longest string of consecutive visits taken from one route. */
  maxString: 10,
  /** Share of insertion places recreate skips at random. */
  blinkRate: 0.01,
  /**
   * Batches of at most this many jobs (in play) are solved exactly (exact.ts) when the
   * sequences to try are at most `exactMaxWork` (counted before cutting the branches that
   * break a rule); larger ones, or one the budget cuts short, go to the search.
   */
  exactMaxJobs: 8,
  exactMaxWork: 2_000_000,
  /** Time kept at the end of the budget for building the result: this share of it, at most this many ms. */
  resultReserveShare: 0.05,
  resultReserveMs: 200,
  /** Simulated annealing temperature, as a share of the average travel per planned job, at the start and at the end. */
  startTemperature: 1,
  endTemperature: 0.01,
  /** Starting weight of a minute of time warp, as a share of the detour bound (4 × the longest drive + 100 minutes). */
  initialWarpShare: 1 / 30,
  /** While the best plan leaves jobs out: every this many rounds, an ejection pool of at most this many steps from it. */
  ejectionEvery: 10,
  ejectionSteps: 200,
  /** How many stops away from where it goes in a job may be ejected to make room. */
  ejectionReach: 3,
  /** Share of the budget (or rounds) after which, if the best plan still leaves jobs out, leaving one out gets a finite price. */
  tradeOffAt: 0.6,
  /** The search stops after this many rounds without a better plan, or this many per job if more. */
  stallRounds: 1000,
  stallRoundsPerJob: 50,
  /** Chance an infeasible round is repaired, and the penalty factor while repairing. */
  repairChance: 0.5,
  repairBoost: 10,
};
