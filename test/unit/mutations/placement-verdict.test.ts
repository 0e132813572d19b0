import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgePlacement } from '../../../shared/mutations/placement-verdict';
import { match } from '../../../shared/scheduling/match';
import { indexWorld } from '../../../shared/scheduling/world-index';
import type { World } from '../../../shared/scheduling/types';
import { at, booking, job, minutes, site, technician } from '../scheduling/support/world-builder';

/**
 * The console judges a drag with judgePlacement over one index of the board's world; the hub
 * runs match over the world without the moving booking. They must agree on every placement.
 */
const day = at('2026-03-10T00:00-04:00');
const world: World = {
  resources: [
    technician({ id: 'ann' }),
    technician({ id: 'bob', characteristics: { hvac: 1 } }),
    technician({ id: 'cy', territoryIds: ['bronx'], timeOff: [{ start: day + minutes(12 * 60), end: day + minutes(14 * 60) }] }),
  ],
  bookings: [
    booking({ id: 'b1', resourceId: 'ann', start: day + minutes(9 * 60), end: day + minutes(10 * 60), location: site(40.78, -73.97) }),
    booking({ id: 'b2', resourceId: 'ann', start: day + minutes(11 * 60), end: day + minutes(12 * 60), location: site(40.72, -73.99) }),
    booking({ id: 'b3', resourceId: 'cy', start: day + minutes(15 * 60), end: day + minutes(16 * 60) }),
  ],
};
const index = indexWorld(world);

describe('judgePlacement', () => {
  it('agrees with match over the world without the moving booking, except that an overlap comes first, for any technician, start and moved booking', () => {
    fc.assert(
      fc.property(fc.constantFrom('ann', 'bob', 'cy'), fc.integer({ min: 6 * 4, max: 19 * 4 }), fc.constantFrom(undefined, 'b1', 'b2', 'b3'), (resourceId, quarter, moving) => {
        const start = day + quarter * minutes(15);
        const verdict = judgePlacement(index, { job: job(), resourceId, start, promisedWindow: null, ignoreBookingId: moving });
        const without: World = { ...world, bookings: world.bookings.filter((b) => b.id !== moving) };
        const expected = match(job(), { ...without, resources: without.resources.filter((r) => r.id === resourceId) }, start)[0]!;
        const end = start + job().durationMinutes * 60_000;
        const overlaps = without.bookings.some((b) => b.resourceId === resourceId && b.start < end && start < b.end);
        expect(verdict.allowed).toBe(expected.matches);
        if (!verdict.allowed && !expected.matches) {
          expect(verdict.rule).toBe(overlaps ? 'overlap' : expected.exclusion.code);
          expect(verdict.overridable).toBe(!overlaps);
        }
      }),
    );
  });

  it('reads the promised window after the engine\'s rules, in the account\'s zone', () => {
    const start = day + minutes(13 * 60);
    const promisedWindow = { start: day + minutes(8 * 60), end: day + minutes(10 * 60) };
    expect(judgePlacement(index, { job: job(), resourceId: 'ann', start, promisedWindow })).toMatchObject({
      allowed: false,
      rule: 'promised_window',
      overridable: true,
      message: expect.stringContaining('America/New_York'),
    });
    // An engine rule broken as well is what is reported: it is the one no window change would fix.
    expect(judgePlacement(index, { job: job(), resourceId: 'ann', start: day + minutes(8 * 60 + 30), promisedWindow })).toMatchObject({ allowed: false, rule: 'overlap', overridable: false });
  });

  it('reports an overlap before a missing skill: the hub refuses it whatever the override', () => {
    // Bob lacks the skill and Ann's 09:00 visit is not his; on his own empty day only the skill is wrong.
    expect(judgePlacement(index, { job: job(), resourceId: 'bob', start: day + minutes(9 * 60), promisedWindow: null })).toMatchObject({ rule: 'skill', overridable: true });
    const withVisit = indexWorld({ ...world, bookings: [...world.bookings, booking({ id: 'b9', resourceId: 'bob', start: day + minutes(9 * 60), end: day + minutes(10 * 60) })] });
    expect(judgePlacement(withVisit, { job: job(), resourceId: 'bob', start: day + minutes(9 * 60 + 30), promisedWindow: null })).toMatchObject({ rule: 'overlap', overridable: false, message: expect.stringMatching(/^Overlaps booking b9 \(09:00–10:00\)\.$/) });
  });

  it('an unknown technician is no placement at all', () => {
    expect(judgePlacement(index, { job: job(), resourceId: 'nobody', start: day, promisedWindow: null })).toMatchObject({ allowed: false, rule: 'unknown_resource', overridable: false });
  });
});
