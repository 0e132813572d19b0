import { describe, expect, it } from 'vitest';
import { autoAssign, rankCandidates } from '../../../shared/scheduling/index';
import { at, booking, job, minutes, site, technician } from './support/world-builder';

const start = at('2026-03-10T10:00:00-04:00');
const near = site(40.76, -73.98);
const farther = site(40.80, -73.95);

describe('autoAssign', () => {
  it('picks the matching technician with the shortest travel and explains every other candidate', () => {
    const world = {
      resources: [
        technician({ id: 'far', name: 'Far Away', homeBase: farther }),
        technician({ id: 'near', name: 'Near By', homeBase: near }),
        technician({ id: 'junior', characteristics: { hvac: 1 } }),
      ],
      bookings: [],
    };
    const { booking: proposed, explanation } = autoAssign({ ...job(), start }, world);
    expect(proposed).toMatchObject({ resourceId: 'near', start, end: start + minutes(60), startLocal: '2026-03-10T10:00:00-04:00' });
    expect(explanation.winnerId).toBe('near');
    const byId = Object.fromEntries(explanation.candidates.map((c) => [c.resourceId, c]));
    expect(byId.near).toMatchObject({ outcome: 'won', travelKm: expect.any(Number), travelMinutes: expect.any(Number) });
    expect(byId.far?.outcome).toBe('lost');
    expect(byId.far?.reason).toMatch(/^longer travel \d+\.\d km vs \d+\.\d km$/);
    expect(byId.junior).toMatchObject({ outcome: 'excluded', rule: 'skill', reason: 'lacks hvac rating 2 (has 1)' });
    expect(explanation.summary).toContain('Near By assigned');
  });

  it('measures travel from the previous booking of the day, not from home', () => {
    const world = {
      resources: [technician({ id: 'a', homeBase: farther }), technician({ id: 'b', homeBase: near })],
      bookings: [booking({ id: 'x', resourceId: 'a', start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T09:00:00-04:00'), location: midtownExact() })],
    };
    expect(autoAssign({ ...job(), start }, world).booking?.resourceId).toBe('a');
  });

  it('breaks a distance tie by the lighter day', () => {
    const world = {
      resources: [technician({ id: 'a' }), technician({ id: 'b' })],
      bookings: [booking({ id: 'x', resourceId: 'a', start: at('2026-03-10T15:00:00-04:00'), end: at('2026-03-10T16:30:00-04:00') })],
    };
    const { booking: proposed, explanation } = autoAssign({ ...job(), start }, world);
    expect(proposed?.resourceId).toBe('b');
    expect(explanation.candidates.find((c) => c.resourceId === 'a')?.reason).toBe('same distance, heavier day (90 min booked vs 0 min)');
  });

  it('breaks a full tie by resource id', () => {
    const world = { resources: [technician({ id: 'zed' }), technician({ id: 'amy' })], bookings: [] };
    const { booking: proposed, explanation } = autoAssign({ ...job(), start }, world);
    expect(proposed?.resourceId).toBe('amy');
    expect(explanation.candidates.find((c) => c.resourceId === 'zed')?.reason).toContain('later in stable order');
  });

  it('returns no booking, with every exclusion, when nobody matches', () => {
    const world = { resources: [technician({ id: 'a', territoryIds: ['bronx'] })], bookings: [] };
    const result = autoAssign({ ...job(), start }, world);
    expect(result.booking).toBeNull();
    expect(result.explanation.candidates).toEqual([expect.objectContaining({ outcome: 'excluded', rule: 'territory' })]);
  });

  it('assigns inside a promised window when no start is given', () => {
    const window = { earliestStart: at('2026-03-10T13:00:00-04:00'), latestEnd: at('2026-03-10T17:00:00-04:00') };
    const world = { resources: [technician({ id: 'a' })], bookings: [] };
    expect(autoAssign(job({ window }), world).booking?.start).toBe(window.earliestStart);
  });
});

describe('rankCandidates', () => {
  it('ranks at a chosen time: matching by travel, then the excluded with their rule', () => {
    const world = {
      resources: [technician({ id: 'far', homeBase: farther }), technician({ id: 'off', weeklyHours: {} }), technician({ id: 'near', homeBase: near })],
      bookings: [],
    };
    const ranked = rankCandidates(job(), world, { at: start });
    expect(ranked.map((c) => [c.resourceId, c.rank, c.exclusion?.code ?? null])).toEqual([
      ['near', 1, null],
      ['far', 2, null],
      ['off', null, 'working_hours'],
    ]);
  });

  it('over a day, gives each technician its earliest feasible start', () => {
    const world = {
      resources: [technician({ id: 'busy', homeBase: near }), technician({ id: 'free', homeBase: farther }), technician({ id: 'full', dailyCapacity: { maxJobs: 1 } })],
      bookings: [
        booking({ id: 'x', resourceId: 'busy', start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T12:00:00-04:00'), location: near }),
        booking({ id: 'y', resourceId: 'full', start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T09:00:00-04:00') }),
      ],
    };
    const ranked = rankCandidates(job(), world, { day: '2026-03-10' });
    const busy = ranked.find((c) => c.resourceId === 'busy');
    const free = ranked.find((c) => c.resourceId === 'free');
    expect(busy?.start).toBeGreaterThan(at('2026-03-10T12:00:00-04:00'));
    expect(busy?.start).toBeLessThan(at('2026-03-10T12:05:00-04:00'));
    expect(free?.start).toBeGreaterThan(at('2026-03-10T08:00:00-04:00'));
    expect(ranked[0]?.resourceId).toBe('busy');
    expect(ranked.find((c) => c.resourceId === 'full')?.exclusion?.code).toBe('capacity');
  });
});

function midtownExact() {
  return site(40.7549, -73.984);
}
