import { describe, expect, it } from 'vitest';
import { createMatrixTravel, freeSlots, rankCandidates } from '../../../shared/scheduling/index';
import type { FreeSlotsRequest, World } from '../../../shared/scheduling/index';
import { at, booking, midtown, site, technician } from './support/world-builder';

const request = (overrides: Partial<FreeSlotsRequest> = {}): FreeSlotsRequest => ({
  account: { location: midtown, territoryId: 'nyc', timeZone: 'America/New_York' },
  incidentType: { durationMinutes: 60, requiredCharacteristics: [{ characteristicId: 'hvac', minRating: 2 }] },
  from: '2026-03-10',
  to: '2026-03-10',
  now: at('2026-03-01T00:00:00Z'),
  settings: { granularityMinutes: 60 },
  ...overrides,
});
const oneTech: World = { resources: [technician({ id: 't1' })], bookings: [] };
const localStarts = (slots: { startLocal: string }[]) => slots.map((s) => s.startLocal);

describe('freeSlots', () => {
  it('offers every hourly start inside working hours when the day is empty', () => {
    expect(localStarts(freeSlots(request(), oneTech))).toEqual(
      ['08', '09', '10', '11', '12', '13', '14', '15', '16'].map((h) => `2026-03-10T${h}:00:00-04:00`),
    );
  });

  it('honours the granularity', () => {
    const slots = freeSlots(request({ settings: { granularityMinutes: 90 } }), oneTech);
    expect(localStarts(slots)).toEqual(['09:00', '10:30', '12:00', '13:30', '15:00'].map((t) => `2026-03-10T${t}:00-04:00`));
  });

  it('removes starts that clash with a booking or leave no travel time around it', () => {
    const far = { lat: 40.85, lng: -73.9 };
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T11:00:00-04:00'), end: at('2026-03-10T12:00:00-04:00'), location: far });
    const slots = freeSlots(request(), { ...oneTech, bookings: [b] });
    // 10:00 would end at 11:00 with no time to drive; 12:00 starts before the ~20 min drive back.
    expect(localStarts(slots)).toEqual(['08', '09', '13', '14', '15', '16'].map((h) => `2026-03-10T${h}:00:00-04:00`));
  });

  it('applies the minimum notice from the given now', () => {
    const slots = freeSlots(request({ now: at('2026-03-10T09:30:00-04:00'), settings: { granularityMinutes: 60, minNoticeHours: 2 } }), oneTech);
    expect(slots[0]?.startLocal).toBe('2026-03-10T12:00:00-04:00');
  });

  it('offers nothing beyond the booking horizon', () => {
    const now = at('2026-03-08T12:00:00-04:00');
    const within = freeSlots(request({ now, settings: { granularityMinutes: 60, maxLeadDays: 2 } }), oneTech);
    const beyond = freeSlots(request({ now, settings: { granularityMinutes: 60, maxLeadDays: 1 } }), oneTech);
    expect(within.length).toBe(9);
    expect(beyond).toEqual([]);
  });

  it('offers an arrival window when some start inside it matches, and lists who can come', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T12:00:00-04:00') });
    const settings = { arrivalWindows: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }] };
    const slots = freeSlots(request({ settings }), { resources: [technician({ id: 't1' }), technician({ id: 't2' })], bookings: [b] });
    expect(slots.map((s) => [s.kind, s.startLocal, s.endLocal, s.resourceIds])).toEqual([
      ['window', '2026-03-10T08:00:00-04:00', '2026-03-10T12:00:00-04:00', ['t2']],
      ['window', '2026-03-10T12:00:00-04:00', '2026-03-10T16:00:00-04:00', ['t1', 't2']],
    ]);
  });

  it('drops an arrival window in which no start matches', () => {
    const settings = { arrivalWindows: [{ start: '06:00', end: '08:00' }, { start: '16:30', end: '18:00' }] };
    expect(freeSlots(request({ settings }), oneTech)).toEqual([]);
  });

  it('restricts to one technician for "find availability"', () => {
    const b = booking({ id: 'b1', resourceId: 't1', start: at('2026-03-10T08:00:00-04:00'), end: at('2026-03-10T16:00:00-04:00') });
    const world = { resources: [technician({ id: 't1' }), technician({ id: 't2' })], bookings: [b] };
    expect(freeSlots(request({ resourceId: 't1' }), world).map((s) => s.startLocal)).toEqual(['2026-03-10T16:00:00-04:00']);
    expect(freeSlots(request({ resourceId: 't2' }), world)).toHaveLength(9);
  });
});

describe('freeSlots across DST and zones', () => {
  it('keeps 08:00–17:00 local on the spring-forward Sunday in New York', () => {
    const slots = freeSlots(request({ from: '2026-03-08', to: '2026-03-08' }), oneTech);
    expect(slots[0]?.startLocal).toBe('2026-03-08T08:00:00-04:00');
    expect(slots.at(-1)?.startLocal).toBe('2026-03-08T16:00:00-04:00');
    expect(slots).toHaveLength(9);
  });

  it('keeps 08:00–17:00 local on the fall-back Sunday in New York', () => {
    const slots = freeSlots(request({ from: '2026-11-01', to: '2026-11-01' }), oneTech);
    expect(slots[0]?.startLocal).toBe('2026-11-01T08:00:00-05:00');
    expect(slots.at(-1)?.startLocal).toBe('2026-11-01T16:00:00-05:00');
    expect(slots).toHaveLength(9);
  });

  it('shifts the offset between the Saturday and Monday around spring forward', () => {
    const slots = freeSlots(request({ from: '2026-03-07', to: '2026-03-09' }), oneTech);
    expect(slots.filter((s) => s.startLocal.endsWith('T08:00:00-05:00')).map((s) => s.startLocal)).toEqual(['2026-03-07T08:00:00-05:00']);
    expect(slots.filter((s) => s.startLocal.includes('T08:00:00-04:00')).map((s) => s.startLocal.slice(0, 10))).toEqual(['2026-03-08', '2026-03-09']);
    expect(slots[0]?.start).toBe(Date.UTC(2026, 2, 7, 13));
    expect(slots.find((s) => s.startLocal.startsWith('2026-03-09'))?.start).toBe(Date.UTC(2026, 2, 9, 12));
  });

  it('shows a Chicago technician to a New York account in New York time', () => {
    const chicago = technician({ id: 'chi', timeZone: 'America/Chicago' });
    const slots = freeSlots(request(), { resources: [chicago], bookings: [] });
    // 08:00–17:00 in Chicago is 09:00–18:00 in New York.
    expect(slots[0]?.startLocal).toBe('2026-03-10T09:00:00-04:00');
    expect(slots.at(-1)?.startLocal).toBe('2026-03-10T17:00:00-04:00');
  });

  it('uses each zone’s own DST date (Europe changes later than New York)', () => {
    const london = technician({ id: 'lon', timeZone: 'Europe/London' });
    const slots = freeSlots(request({ from: '2026-03-10', to: '2026-03-10', settings: { granularityMinutes: 60 } }), { resources: [london], bookings: [] });
    // London is still on GMT on 10 March: 08:00 GMT = 04:00 in New York (EDT).
    expect(slots[0]?.startLocal).toBe('2026-03-10T04:00:00-04:00');
  });
});

describe('freeSlots follows the wall clock on DST days', () => {
  const newYorkTech: World = { resources: [technician({ id: 't1' })], bookings: [] };
  const clock = (slots: { startLocal: string }[]) => slots.map((s) => s.startLocal.slice(11, 16));

  it('keeps the 90-minute grid of every other day on the New York spring-forward Sunday', () => {
    const settings = { granularityMinutes: 90 };
    const ordinary = freeSlots(request({ from: '2026-03-10', to: '2026-03-10', settings }), newYorkTech);
    const springForward = freeSlots(request({ from: '2026-03-08', to: '2026-03-08', settings }), newYorkTech);
    const fallBack = freeSlots(request({ from: '2026-11-01', to: '2026-11-01', settings }), newYorkTech);
    expect(clock(ordinary)).toEqual(['09:00', '10:30', '12:00', '13:30', '15:00']);
    expect(clock(springForward)).toEqual(clock(ordinary));
    expect(clock(fallBack)).toEqual(clock(ordinary));
  });

  it('keeps whole hours on Lord Howe Island, whose clock jumps by 30 minutes', () => {
    const lordHowe = technician({ id: 'lh', timeZone: 'Australia/Lord_Howe' });
    const account = { location: midtown, territoryId: 'nyc', timeZone: 'Australia/Lord_Howe' };
    const slots = freeSlots(request({ account, from: '2026-10-04', to: '2026-10-04' }), { resources: [lordHowe], bookings: [] });
    expect(clock(slots)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('offers a time the clock shows twice at both instants, in time order, when it falls back', () => {
    const nightOwl = technician({ id: 'owl', weeklyHours: { sun: [{ start: '00:00', end: '24:00' }] } });
    const slots = freeSlots(request({ from: '2026-11-01', to: '2026-11-01', incidentType: { durationMinutes: 30, requiredCharacteristics: [] }, settings: { granularityMinutes: 30 } }), { resources: [nightOwl], bookings: [] });
    expect(slots.slice(1, 7).map((s) => s.startLocal.slice(11))).toEqual(['00:30:00-04:00', '01:00:00-04:00', '01:30:00-04:00', '01:00:00-05:00', '01:30:00-05:00', '02:00:00-05:00']);
    expect(slots.every((s, i) => i === 0 || s.start > (slots[i - 1]?.start ?? 0))).toBe(true);
  });

  it('never offers an arrival window the clock skips', () => {
    const nightOwl = technician({ id: 'owl', weeklyHours: { sun: [{ start: '00:00', end: '24:00' }] } });
    const settings = { arrivalWindows: [{ start: '01:00', end: '02:00' }, { start: '02:00', end: '03:00' }, { start: '03:00', end: '04:00' }] };
    const slots = freeSlots(request({ from: '2026-03-08', to: '2026-03-08', incidentType: { durationMinutes: 30, requiredCharacteristics: [] }, settings }), { resources: [nightOwl], bookings: [] });
    expect(slots.map((s) => [s.startLocal, s.endLocal])).toEqual([
      ['2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00'],
      ['2026-03-08T03:00:00-04:00', '2026-03-08T04:00:00-04:00'],
    ]);
    expect(slots.every((s) => s.end > s.start)).toBe(true);
  });
});

describe('one time precision for offering and booking', () => {
  it('books every arrival window it offers, even when the only feasible starts fall between whole minutes', () => {
    const home = site(40.75, -73.98, 'home');
    const customer = site(40.75, -73.98, 'customer');
    const travel = createMatrixTravel({ home: { customer: { km: 15, minutes: 20.5 } }, customer: { home: { km: 15, minutes: 20.5 } } }, null);
    const world: World = { resources: [technician({ id: 't1', homeBase: home })], bookings: [], travel };
    const account = { location: customer, territoryId: 'nyc', timeZone: 'America/New_York' };
    const settings = { arrivalWindows: [{ start: '08:00', end: '08:21' }] };
    const [window] = freeSlots(request({ account, settings }), world);
    expect(window?.startLocal).toBe('2026-03-10T08:00:00-04:00');
    const job = { id: 'wo', durationMinutes: 60, requiredCharacteristics: [], territoryId: 'nyc', location: customer, timeZone: 'America/New_York' };
    const [best] = rankCandidates(job, world, { from: window?.start ?? 0, to: window?.end ?? 0 });
    expect(best?.matches).toBe(true);
    expect(best?.start).toBe(at('2026-03-10T08:20:30-04:00'));
  });
});
