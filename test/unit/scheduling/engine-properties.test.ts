import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoAssign, defaultTravel, freeSlots, planBatch } from '../../../shared/scheduling/index';
import type { ExistingBooking, SchedulingJob, SchedulingResource, World } from '../../../shared/scheduling/index';
import { brokenRule, originOf } from './support/hard-rule-checker';
import { at, site, technician } from './support/world-builder';

const dayStart = at('2026-03-10T00:00:00-04:00');
const min = 60_000;
const point = fc.record({ lat: fc.double({ min: 40.7, max: 40.82, noNaN: true }), lng: fc.double({ min: -74.02, max: -73.9, noNaN: true }) }).map((p) => site(p.lat, p.lng));

const techArb = (i: number) =>
  fc.record({
    home: point,
    territories: fc.subarray(['a', 'b'], { minLength: 1 }),
    hvac: fc.integer({ min: 1, max: 5 }),
    startHour: fc.integer({ min: 7, max: 9 }),
    endHour: fc.integer({ min: 15, max: 18 }),
    zone: fc.constantFrom('America/New_York', 'America/Chicago'),
    bookings: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 180 }), length: fc.integer({ min: 15, max: 120 }), where: point }), { maxLength: 4 }),
    maxJobs: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    timeOff: fc.option(fc.record({ from: fc.integer({ min: 8 * 60, max: 16 * 60 }), length: fc.integer({ min: 30, max: 120 }) }), { nil: undefined }),
    /** A day shift, a split shift with a lunch break, or a night from Monday into Tuesday's small hours plus a late Tuesday shift. */
    pattern: fc.constantFrom('day', 'split', 'night'),
    returnHome: fc.boolean(),
  }).map((t) => {
    const day = { start: `${String(t.startHour).padStart(2, '0')}:00`, end: `${t.endHour}:00` };
    const weeklyHours =
      t.pattern === 'split' ? { tue: [{ start: day.start, end: '12:00' }, { start: '13:00', end: day.end }] }
      : t.pattern === 'night' ? { mon: [{ start: '21:00', end: `0${t.startHour - 2}:30` }], tue: [{ start: '12:00', end: day.end }] }
      : { tue: [day] };
    const resource: SchedulingResource = technician({
      id: `t${i}`,
      homeBase: t.home,
      territoryIds: t.territories,
      characteristics: { hvac: t.hvac },
      timeZone: t.zone,
      weeklyHours,
      returnHome: t.returnHome,
      timeOff: t.timeOff ? [{ start: dayStart + t.timeOff.from * min, end: dayStart + (t.timeOff.from + t.timeOff.length) * min }] : [],
      ...(t.maxJobs ? { dailyCapacity: { maxJobs: t.maxJobs } } : {}),
    });
    let cursor = dayStart + (t.pattern === 'night' ? 2 : 7) * 60 * min;
    const bookings: ExistingBooking[] = t.bookings.map((b, k) => {
      const start = cursor + b.gap * min;
      cursor = start + b.length * min;
      return { id: `b${i}-${k}`, resourceId: resource.id, start, end: cursor, location: b.where, status: 'scheduled' };
    });
    return { resource, bookings };
  });

const worldArb = fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => techArb(i)))).map((techs): World => ({
  resources: techs.map((t) => t.resource),
  bookings: techs.flatMap((t) => t.bookings),
}));

const jobArb = (id: string) =>
  fc.record({ where: point, duration: fc.constantFrom(30, 45, 60, 90), rating: fc.integer({ min: 1, max: 4 }), territory: fc.constantFrom('a', 'b') }).map(
    (j): SchedulingJob => ({
      id,
      durationMinutes: j.duration,
      requiredCharacteristics: [{ characteristicId: 'hvac', minRating: j.rating }],
      territoryId: j.territory,
      location: j.where,
      timeZone: 'America/New_York',
    }),
  );

const feasible = (world: World, job: SchedulingJob, r: SchedulingResource, start: number) =>
  brokenRule({ resourceId: r.id, start, end: start + job.durationMinutes * min, location: job.location, load: job.load }, job, r, world.bookings, defaultTravel) === null;

describe('engine properties on random small worlds', () => {
  it('freeSlots offers exactly the grid starts where an independent checker finds a technician', () => {
    fc.assert(
      fc.property(worldArb, jobArb('j'), (world, job) => {
        const slots = freeSlots(
          { account: { location: job.location, territoryId: job.territoryId, timeZone: job.timeZone }, incidentType: job, from: '2026-03-10', to: '2026-03-10', now: 0, settings: { granularityMinutes: 15 } },
          world,
        );
        const offered = new Map(slots.map((s) => [s.start, s.resourceIds]));
        for (let t = dayStart; t < dayStart + 24 * 60 * min; t += 15 * min) {
          const expected = world.resources.filter((r) => feasible(world, job, r, t)).map((r) => r.id);
          expect(offered.get(t) ?? [], `start ${new Date(t).toISOString()}`).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('autoAssign picks a feasible technician whose travel is minimal among the feasible ones', () => {
    fc.assert(
      fc.property(worldArb, jobArb('j'), fc.integer({ min: 7 * 4, max: 17 * 4 }), (world, job, quarter) => {
        const start = dayStart + quarter * 15 * min;
        const { booking } = autoAssign({ ...job, start }, world);
        const feasibleOnes = world.resources.filter((r) => feasible(world, job, r, start));
        if (feasibleOnes.length === 0) {
          expect(booking).toBeNull();
          return;
        }
        expect(booking).not.toBeNull();
        const winner = world.resources.find((r) => r.id === booking?.resourceId) as SchedulingResource;
        expect(feasible(world, job, winner, start)).toBe(true);
        const travelOf = (r: SchedulingResource) => defaultTravel.between(originOf(r, world.bookings, start), job.location).km;
        const best = Math.min(...feasibleOnes.map(travelOf));
        expect(travelOf(winner)).toBeLessThanOrEqual(best + 0.01);
      }),
      { numRuns: 100 },
    );
  });

  it('planBatch never breaks a hard rule or double-books anyone', () => {
    const jobsArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => jobArb(`j${i}`))));
    fc.assert(
      fc.property(worldArb, jobsArb, (world, jobs) => {
        const plan = planBatch(jobs, world, { days: ['2026-03-10'], budgetMs: 1000, maxRounds: 5, seed: 1 });
        expect(plan.assignments.length + plan.unassigned.length).toBe(jobs.length);
        expect(new Set(plan.assignments.map((a) => a.jobId)).size).toBe(plan.assignments.length);
        const planned: ExistingBooking[] = plan.assignments.map((a) => ({
          id: a.jobId, resourceId: a.resourceId, start: a.start, end: a.end, status: 'scheduled',
          location: (jobs.find((j) => j.id === a.jobId) as SchedulingJob).location,
        }));
        for (const a of plan.assignments) {
          const job = jobs.find((j) => j.id === a.jobId) as SchedulingJob;
          const resource = world.resources.find((r) => r.id === a.resourceId) as SchedulingResource;
          const others = [...world.bookings, ...planned.filter((p) => p.id !== a.jobId)];
          expect(brokenRule({ resourceId: a.resourceId, start: a.start, end: a.end, location: job.location }, job, resource, others, defaultTravel), `job ${a.jobId}`).toBeNull();
        }
      }),
      { numRuns: 40 },
    );
  });
});
