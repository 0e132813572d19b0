import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { defaultTravel, planBatch } from '../../../shared/scheduling/index';
import type { PlanBatchOptions, SchedulingJob, SchedulingResource } from '../../../shared/scheduling/index';
import { searchSettings } from '../../../shared/scheduling/plan-batch/search-settings';
import { at, site, technician } from './support/world-builder';

/**
 * Exhaustive optimum on tiny instances (no existing bookings): every split of jobs over
 * technicians and every visiting order, each job as early as possible (to the millisecond,
 * drives rounded up to one, as the engine times them). Objective: most jobs assigned, then
 * least travel (home → visits, plus the drive home for a technician who returns home, which
 * must then be back by the end of the shift).
 */
const min = 60_000;
const shiftStart = at('2026-03-10T08:00:00-04:00');
const shiftEnd = at('2026-03-10T17:00:00-04:00');

function routeTravel(tech: SchedulingResource, order: SchedulingJob[]): number | null {
  let time = shiftStart;
  let from = tech.homeBase;
  let minutes = 0;
  if (tech.dailyCapacity?.maxJobs !== undefined && order.length > tech.dailyCapacity.maxJobs) return null;
  for (const job of order) {
    const leg = defaultTravel.between(from, job.location);
    const ready = time + Math.ceil(leg.minutes * min);
    const start = Math.max(ready, job.window?.earliestStart ?? ready);
    const end = start + job.durationMinutes * min;
    if (end > shiftEnd || (job.window && end > job.window.latestEnd)) return null;
    minutes += leg.minutes;
    time = end;
    from = job.location;
  }
  if (tech.returnHome && order.length > 0) {
    const home = defaultTravel.between(from, tech.homeBase);
    if (time + Math.ceil(home.minutes * min) > shiftEnd) return null;
    minutes += home.minutes;
  }
  return minutes;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

function optimum(techs: SchedulingResource[], jobs: SchedulingJob[]): { assigned: number; minutes: number } {
  const bestSubset = techs.map((tech) => {
    const table = new Map<number, number>();
    for (let mask = 0; mask < 1 << jobs.length; mask++) {
      const chosen = jobs.filter((_, i) => mask & (1 << i));
      const costs = permutations(chosen).map((p) => routeTravel(tech, p)).filter((c): c is number => c !== null);
      if (costs.length) table.set(mask, Math.min(...costs));
    }
    return table;
  });
  let best = { assigned: -1, minutes: Infinity };
  const search = (t: number, used: number, assigned: number, minutes: number) => {
    if (t === techs.length) {
      if (assigned > best.assigned || (assigned === best.assigned && minutes < best.minutes)) best = { assigned, minutes };
      return;
    }
    for (const [mask, cost] of bestSubset[t] ?? []) {
      if (mask & used) continue;
      search(t + 1, used | mask, assigned + popcount(mask), minutes + cost);
    }
  };
  search(0, 0, 0, 0);
  return best;
}

const popcount = (x: number) => x.toString(2).split('1').length - 1;
const point = fc.record({ lat: fc.double({ min: 40.65, max: 40.85, noNaN: true }), lng: fc.double({ min: -74.05, max: -73.85, noNaN: true }) }).map((p) => site(p.lat, p.lng));
const hours = [{ start: '08:00', end: '17:00' }];

const instance = fc.record({
  techs: fc.array(fc.record({ home: point, maxJobs: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), returnHome: fc.boolean() }), { minLength: 2, maxLength: 3 }),
  jobs: fc.array(fc.record({ where: point, duration: fc.constantFrom(60, 90, 120, 180), windowHour: fc.option(fc.integer({ min: 8, max: 14 }), { nil: undefined }) }), { minLength: 3, maxLength: 6 }),
});

interface Instance {
  techs: { home: ReturnType<typeof site>; maxJobs: number | undefined; returnHome: boolean }[];
  jobs: { where: ReturnType<typeof site>; duration: number; windowHour: number | undefined }[];
}

/** Plans each instance and compares it with the exhaustive optimum; returns the travel gaps. */
function gapsToOptimum(options: PlanBatchOptions, numRuns: number): number[] {
  const gaps: number[] = [];
  fc.assert(
    fc.property(instance, ({ techs, jobs }: Instance) => {
      const resources = techs.map((t, i) => technician({ id: `t${i}`, homeBase: t.home, returnHome: t.returnHome, weeklyHours: { tue: hours }, ...(t.maxJobs ? { dailyCapacity: { maxJobs: t.maxJobs } } : {}) }));
      const work: SchedulingJob[] = jobs.map((j, i) => ({
        id: `j${i}`, durationMinutes: j.duration, requiredCharacteristics: [], territoryId: 'nyc', location: j.where, timeZone: 'America/New_York',
        ...(j.windowHour !== undefined ? { window: { earliestStart: shiftStart + (j.windowHour - 8) * 60 * min, latestEnd: shiftStart + (j.windowHour - 4) * 60 * min } } : {}),
      }));
      const plan = planBatch(work, { resources, bookings: [] }, options);
      const best = optimum(resources, work);
      expect(plan.totals.assigned).toBe(best.assigned);
      const gap = best.minutes > 0 ? (plan.totals.addedTravelMinutes - best.minutes) / best.minutes : 0;
      expect(gap).toBeGreaterThan(-1e-9); // the optimum is a lower bound: a smaller "plan" would mean a rule was broken
      gaps.push(gap);
    }),
    { numRuns, seed: 20260310 },
  );
  const average = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  console.log(`planBatch vs exhaustive optimum over ${gaps.length} instances: average gap ${(average * 100).toFixed(2)}%, worst ${(Math.max(...gaps) * 100).toFixed(2)}%`);
  return gaps;
}

const savedSettings = { ...searchSettings };
afterEach(() => {
  Object.assign(searchSettings, savedSettings);
});

it('planBatch finds the optimum of small batches: as many jobs as the exhaustive optimum, and its travel', () => {
  // Batches of up to eight jobs are solved exactly (exact.ts); before, the search could end
  // 14% above the optimum on these, stuck on its greedy start.
  const gaps = gapsToOptimum({ days: ['2026-03-10'], budgetMs: 2000, maxRounds: 80, seed: 1 }, 300);
  expect(Math.max(...gaps)).toBeLessThanOrEqual(1e-9);
});

it('the search alone reaches the optimum of tiny batches, also when not every job fits', () => {
  // The search as it runs on batches too large to solve exactly, with a short stall limit so
  // that it stalls early in its schedule as small batches do: it must then still cool down
  // and give leaving a job out a price before it stops (before, it stopped hot and kept a
  // plan leaving out whichever job the projection dropped, up to 49% above the optimum).
  Object.assign(searchSettings, { exactMaxJobs: 0, stallRounds: 100, stallRoundsPerJob: 10 });
  const gaps = gapsToOptimum({ days: ['2026-03-10'], budgetMs: 5000, maxRounds: 5000, seed: 1 }, 30);
  expect(Math.max(...gaps)).toBeLessThanOrEqual(0.03);
});
