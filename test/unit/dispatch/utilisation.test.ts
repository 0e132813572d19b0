import { describe, expect, it } from 'vitest';
import { FULL_SHARE, levelOf, utilisationOf } from '../../../electron/main/scheduling/utilisation';

describe('utilisation levels', () => {
  it.each([
    [0, 0, 'off'],
    [30, 0, 'over'],
    [0, 480, 'free'],
    [240, 480, 'partly'],
    [480 * FULL_SHARE, 480, 'fully'],
    [480, 480, 'fully'],
    [481, 480, 'over'],
  ] as const)('%s booked of %s working minutes is %s', (booked, working, level) => {
    expect(levelOf(booked, working)).toBe(level);
  });

  it('reads working hours in the technician\'s own zone and takes time off away', () => {
    const day = { date: '2026-11-24', start: Date.parse('2026-11-24T06:00:00Z'), end: Date.parse('2026-11-25T06:00:00Z') }; // a Chicago day
    const hours = [{ start: '08:00', end: '17:00' }];
    const resource = { timeZone: 'America/Denver', weeklyHours: { tue: hours, wed: hours }, timeOff: [{ start: Date.parse('2026-11-24T15:00:00Z'), end: Date.parse('2026-11-24T16:00:00Z') }] };
    // 08:00–17:00 Denver is 09:00–18:00 Chicago: all inside the Chicago day; one hour off.
    expect(utilisationOf(resource, [day], [{ start: Date.parse('2026-11-24T18:00:00Z'), end: Date.parse('2026-11-24T20:00:00Z') }])).toEqual([{ date: '2026-11-24', bookedMinutes: 120, workingMinutes: 480, level: 'partly' }]);
  });
});
