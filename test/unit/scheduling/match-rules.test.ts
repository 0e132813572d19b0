import { describe, expect, it } from 'vitest';
import { match } from '../../../shared/scheduling/index';
import type { World } from '../../../shared/scheduling/index';
import { at, booking, job, minutes, site, technician } from './support/world-builder';

const tuesday9 = at('2026-03-10T09:00:00-04:00');
const only = (world: World, start: number, j = job()) => {
  const [result] = match(j, world, start);
  if (!result) throw new Error('no result');
  return result;
};
const excludedBy = (world: World, start: number, j = job()) => {
  const r = only(world, start, j);
  return r.matches ? null : r.exclusion;
};

describe('match: territory and characteristics', () => {
  it('excludes a technician who does not serve the territory', () => {
    const world = { resources: [technician({ id: 't1', territoryIds: ['brooklyn'] })], bookings: [] };
    expect(excludedBy(world, tuesday9)).toEqual({ code: 'territory', message: 'does not serve territory nyc' });
  });

  it('excludes a technician missing a required characteristic', () => {
    const world = { resources: [technician({ id: 't1', characteristics: { plumbing: 5 } })], bookings: [] };
    expect(excludedBy(world, tuesday9)?.message).toBe('lacks hvac rating 2 (has none)');
  });

  it('excludes a technician rated below the minimum and says by how much', () => {
    const world = { resources: [technician({ id: 't1', characteristics: { hvac: 2 } })], bookings: [] };
    const j = job({ requiredCharacteristics: [{ characteristicId: 'hvac', minRating: 3 }] });
    expect(excludedBy(world, tuesday9, j)).toEqual({ code: 'skill', message: 'lacks hvac rating 3 (has 2)' });
  });

  it('accepts a technician rated exactly at the minimum', () => {
    const world = { resources: [technician({ id: 't1', characteristics: { hvac: 3 } })], bookings: [] };
    const j = job({ requiredCharacteristics: [{ characteristicId: 'hvac', minRating: 3 }] });
    expect(only(world, tuesday9, j).matches).toBe(true);
  });
});

describe('match: time rules', () => {
  const world = (extra: Partial<Parameters<typeof technician>[0]> = {}, bookings: World['bookings'] = []): World => ({
    resources: [technician({ id: 't1', ...extra })],
    bookings,
  });

  it('excludes a visit ending after the shift ends', () => {
    expect(excludedBy(world(), at('2026-03-10T16:30:00-04:00'))?.code).toBe('working_hours');
  });

  it('accepts a visit ending exactly at shift end (the drive home is not part of the shift)', () => {
    const far = job({ location: site(40.85, -73.9) });
    expect(only(world(), at('2026-03-10T16:00:00-04:00'), far).matches).toBe(true);
  });

  it('excludes a day the technician does not work', () => {
    const result = excludedBy(world({ weeklyHours: { mon: [{ start: '08:00', end: '17:00' }] } }), tuesday9);
    expect(result?.code).toBe('working_hours');
  });

  it('excludes a visit during time off', () => {
    const off = { start: at('2026-03-10T08:30:00-04:00'), end: at('2026-03-10T12:00:00-04:00') };
    expect(excludedBy(world({ timeOff: [off] }), tuesday9)).toMatchObject({ code: 'time_off' });
  });

  it('excludes a visit whose drive from home would overlap time off', () => {
    const far = job({ location: site(40.85, -73.9) }); // ~13 km × 1.3 road factor from home: ~20 min
    const off = { start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T10:50:00-04:00') };
    const result = excludedBy(world({ timeOff: [off] }), at('2026-03-10T11:00:00-04:00'), far);
    expect(result).toMatchObject({ code: 'time_off', message: expect.stringMatching(/^the 20-min drive from home base does not fit around time off 08:00–10:50/) });
  });

  it('excludes a visit overlapping another booking', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T09:30:00-04:00'), end: at('2026-03-10T10:30:00-04:00') });
    expect(excludedBy(world({}, [b]), tuesday9)).toMatchObject({ code: 'overlap', message: expect.stringContaining('b1') });
  });

  it('ignores canceled bookings', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: tuesday9, end: tuesday9 + minutes(60), status: 'canceled' });
    expect(only(world({}, [b]), tuesday9).matches).toBe(true);
  });

  it('excludes a visit the technician cannot reach in time from the previous booking', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T08:55:00-04:00'), location: site(40.85, -73.9) });
    expect(excludedBy(world({}, [b]), tuesday9)).toMatchObject({ code: 'travel_before', message: expect.stringContaining('from booking b1') });
    expect(only(world({}, [b]), at('2026-03-10T09:20:00-04:00')).matches).toBe(true);
  });

  it('excludes a first visit whose drive from home base starts before the shift', () => {
    const far = job({ location: site(40.85, -73.9) });
    expect(excludedBy(world(), at('2026-03-10T08:05:00-04:00'), far)).toMatchObject({ code: 'travel_before', message: expect.stringContaining('home base') });
    expect(only(world(), at('2026-03-10T08:30:00-04:00'), far).matches).toBe(true);
  });

  it('excludes a visit that leaves too little time to reach the next booking', () => {
    const b = booking({ id: 'b2', resourceId: 't1', start: at('2026-03-10T10:10:00-04:00'), end: at('2026-03-10T11:00:00-04:00'), location: site(40.85, -73.9) });
    expect(excludedBy(world({}, [b]), tuesday9)).toMatchObject({ code: 'travel_after', message: expect.stringContaining('b2') });
  });

  it('excludes a technician whose day is at its job capacity', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T14:00:00-04:00'), end: at('2026-03-10T15:00:00-04:00') });
    const w = world({ dailyCapacity: { maxJobs: 1 } }, [b]);
    expect(excludedBy(w, tuesday9)).toEqual({ code: 'capacity', message: 'already has 1 jobs on 2026-03-10 (limit 1)' });
  });

  it('excludes a technician whose day would exceed its load capacity', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T14:00:00-04:00'), end: at('2026-03-10T15:00:00-04:00'), load: 3 });
    const w = world({ dailyCapacity: { maxLoad: 4 } }, [b]);
    expect(excludedBy(w, tuesday9, job({ load: 2 }))?.code).toBe('capacity');
    expect(only(w, tuesday9, job({ load: 1 })).matches).toBe(true);
  });
});
