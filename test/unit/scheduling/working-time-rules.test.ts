import { describe, expect, it } from 'vitest';
import { freeSlots, match, planBatch, rankCandidates } from '../../../shared/scheduling/index';
import type { FreeSlotsRequest, SchedulingResource, World } from '../../../shared/scheduling/index';
import { at, booking, job, midtown, minutes, site, technician } from './support/world-builder';

const far = site(40.85, -73.9); // ~20 min from midtown at the default travel model
const matchOne = (world: World, start: number, j = job()) => {
  const [result] = match(j, world, start);
  if (!result) throw new Error('no result');
  return result;
};
const slotRequest = (date: string, overrides: Partial<FreeSlotsRequest> = {}): FreeSlotsRequest => ({
  account: { location: midtown, territoryId: 'nyc', timeZone: 'America/New_York' },
  incidentType: { durationMinutes: 60, requiredCharacteristics: [] },
  from: date,
  to: date,
  now: 0,
  settings: { granularityMinutes: 30 },
  ...overrides,
});
const clock = (slots: { startLocal: string }[]) => slots.map((s) => s.startLocal.slice(11, 16));

describe('every drive fits in working time', () => {
  const morningJob = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T11:00:00-04:00'), end: at('2026-03-10T11:50:00-04:00'), location: far });
  const splitShift = technician({ id: 't1', weeklyHours: { tue: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
  const lunchOff = technician({ id: 't1', timeOff: [{ start: at('2026-03-10T12:00:00-04:00'), end: at('2026-03-10T13:00:00-04:00') }] });

  it('does not let the drive from the previous visit cross the break between two shifts', () => {
    const world = { resources: [splitShift], bookings: [morningJob] };
    expect(matchOne(world, at('2026-03-10T13:00:00-04:00'))).toMatchObject({ matches: false, exclusion: { code: 'travel_before', message: expect.stringContaining('from booking b1') } });
    expect(matchOne(world, at('2026-03-10T13:30:00-04:00')).matches).toBe(true);
  });

  it('lets the drive happen after time off, as after a break between shifts', () => {
    const world = { resources: [lunchOff], bookings: [morningJob] };
    expect(matchOne(world, at('2026-03-10T13:00:00-04:00'))).toMatchObject({ matches: false, exclusion: { code: 'time_off' } });
    expect(matchOne(world, at('2026-03-10T13:30:00-04:00')).matches).toBe(true);
  });

  it('offers the same afternoon to a split shift and to a shift with time off over lunch', () => {
    const split = freeSlots(slotRequest('2026-03-10'), { resources: [splitShift], bookings: [morningJob] });
    const lunch = freeSlots(slotRequest('2026-03-10'), { resources: [lunchOff], bookings: [morningJob] });
    expect(clock(split).filter((t) => t >= '12:00')).toEqual(['13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
    expect(clock(lunch)).toEqual(clock(split));
  });
});

describe('overnight shifts (the night belongs to the day it starts)', () => {
  const nightHours = { mon: [{ start: '22:00', end: '06:00' }] };
  const nightTech = (extra: Partial<SchedulingResource> = {}) => technician({ id: 'n1', weeklyHours: nightHours, ...extra });

  it('matches visits on both sides of midnight and none after the night ends', () => {
    const world = { resources: [nightTech()], bookings: [] };
    expect(matchOne(world, at('2026-03-09T23:00:00-04:00')).matches).toBe(true);
    expect(matchOne(world, at('2026-03-10T02:00:00-04:00')).matches).toBe(true);
    expect(matchOne(world, at('2026-03-10T05:30:00-04:00'))).toMatchObject({ matches: false, exclusion: { code: 'working_hours' } });
  });

  it('offers the small hours of Tuesday from Monday night', () => {
    const slots = freeSlots(slotRequest('2026-03-10', { settings: { granularityMinutes: 60 } }), { resources: [nightTech()], bookings: [] });
    expect(clock(slots)).toEqual(['00:00', '01:00', '02:00', '03:00', '04:00', '05:00']);
  });

  it('counts a booking before midnight as the previous stop and against the night’s capacity', () => {
    const late = booking({ id: 'late', resourceId: 'n1', start: at('2026-03-09T23:00:00-04:00'), end: at('2026-03-10T00:00:00-04:00'), location: far });
    const world = { resources: [nightTech()], bookings: [late] };
    expect(matchOne(world, at('2026-03-10T00:05:00-04:00'))).toMatchObject({ matches: false, exclusion: { code: 'travel_before', message: expect.stringContaining('from booking late') } });
    expect(matchOne(world, at('2026-03-10T00:30:00-04:00'))).toMatchObject({ matches: true, origin: { kind: 'booking', bookingId: 'late' } });
    const capped = { resources: [nightTech({ dailyCapacity: { maxJobs: 1 } })], bookings: [late] };
    expect(matchOne(capped, at('2026-03-10T02:00:00-04:00'))).toMatchObject({ matches: false, exclusion: { code: 'capacity' } });
  });

  it('plans a night: visits after midnight on the route of the day the night starts', () => {
    const jobs = [0, 1, 2].map((i) => job({ id: `j${i}`, durationMinutes: 150, location: site(40.75 + 0.01 * i, -73.98) }));
    const plan = planBatch(jobs, { resources: [nightTech()], bookings: [] }, { days: ['2026-03-09'], budgetMs: 100, maxRounds: 5 });
    expect(plan.totals.assigned).toBe(3);
    expect(plan.routes.map((r) => r.date)).toEqual(['2026-03-09']);
    expect(Math.max(...plan.assignments.map((a) => a.end))).toBeGreaterThan(at('2026-03-10T02:00:00-04:00'));
    expect(Math.max(...plan.assignments.map((a) => a.end))).toBeLessThanOrEqual(at('2026-03-10T06:00:00-04:00'));
  });
});

describe('return to home base', () => {
  const homeBound = technician({ id: 'h1', returnHome: true });
  const lastVisit = job({ location: far });

  it('requires the drive home after the last visit to fit in the shift', () => {
    const start = at('2026-03-10T16:00:00-04:00');
    expect(matchOne({ resources: [technician({ id: 'h0' })], bookings: [] }, start, lastVisit).matches).toBe(true);
    expect(matchOne({ resources: [homeBound], bookings: [] }, start, lastVisit)).toMatchObject({ matches: false, exclusion: { code: 'travel_after', message: expect.stringContaining('home base') } });
    expect(matchOne({ resources: [homeBound], bookings: [] }, start - minutes(30), lastVisit).matches).toBe(true);
  });

  it('counts the drive home as travel in a plan', () => {
    const jobs = [job({ id: 'a', location: far })];
    const oneWay = planBatch(jobs, { resources: [technician({ id: 'h0' })], bookings: [] }, { days: ['2026-03-10'], budgetMs: 50 });
    const roundTrip = planBatch(jobs, { resources: [homeBound], bookings: [] }, { days: ['2026-03-10'], budgetMs: 50 });
    expect(roundTrip.totals.travelMinutes).toBeCloseTo(2 * oneWay.totals.travelMinutes, 6);
    expect(roundTrip.routes[0]?.stops.at(-1)).toMatchObject({ kind: 'home' });
  });
});

describe('ranking a night technician', () => {
  it('says a fully booked night is full, not that the technician does not work then', () => {
    const night = technician({ id: 'n1', weeklyHours: { mon: [{ start: '22:00', end: '06:00' }] } });
    const full = booking({ id: 'all-night', resourceId: 'n1', start: at('2026-03-09T22:00:00-04:00'), end: at('2026-03-10T06:00:00-04:00') });
    const [ranked] = rankCandidates(job(), { resources: [night], bookings: [full] }, { from: at('2026-03-10T01:00:00-04:00'), to: at('2026-03-10T04:00:00-04:00') });
    expect(ranked).toMatchObject({ matches: false, exclusion: { code: 'no_free_time' } });
  });
});
