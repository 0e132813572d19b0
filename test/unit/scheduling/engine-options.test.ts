import { describe, expect, it } from 'vitest';
import { autoAssign, freeSlots, parsePlanInput, planBatch, rankCandidates, SchedulingInputError } from '../../../shared/scheduling/index';
import type { FreeSlotsRequest, SlotSettings } from '../../../shared/scheduling/index';
import { PortalSettingsSchema } from '../../../shared/domain/index';
import { job, midtown, technician } from './support/world-builder';

const world = { resources: [technician({ id: 't1' })], bookings: [] };
const request = (settings: SlotSettings, overrides: Partial<FreeSlotsRequest> = {}): FreeSlotsRequest => ({
  account: { location: midtown, territoryId: 'nyc', timeZone: 'America/New_York' },
  incidentType: { durationMinutes: 60, requiredCharacteristics: [] },
  from: '2026-03-10',
  to: '2026-03-10',
  now: 0,
  settings,
  ...overrides,
});
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SchedulingInputError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('engine options are validated at the boundary', () => {
  it('refuses a zero or negative slot granularity instead of offering nothing or looping', () => {
    expect(refusal(() => freeSlots(request({ granularityMinutes: 0 }), world))).toContain('settings.granularityMinutes');
    expect(refusal(() => freeSlots(request({ granularityMinutes: -30 }), world))).toContain('settings.granularityMinutes');
    expect(refusal(() => freeSlots(request({ granularityMinutes: 7.5 }), world))).toContain('whole number');
  });

  it('refuses arrival windows without a length, a reversed date range and an unknown setting', () => {
    expect(refusal(() => freeSlots(request({ arrivalWindows: [{ start: '10:00', end: '09:00' }] }), world))).toContain('settings.arrivalWindows[0].end');
    expect(refusal(() => freeSlots(request({}, { from: '2026-03-11', to: '2026-03-10' }), world))).toContain('to:');
    expect(refusal(() => freeSlots(request({ granularity: 15 } as SlotSettings), world))).toContain('granularity');
    expect(refusal(() => freeSlots(request({ maxLeadDays: -1 }), world))).toContain('settings.maxLeadDays');
    expect(refusal(() => freeSlots(request({}, { incidentType: { durationMinutes: Number.NaN, requiredCharacteristics: [] } }), world))).toContain('incidentType.durationMinutes');
  });

  it('refuses planner options it cannot honour', () => {
    expect(refusal(() => planBatch([job()], world, { days: [] }))).toContain('days');
    expect(refusal(() => planBatch([job()], world, { days: ['2026-02-30'] }))).toContain('days[0]');
    expect(refusal(() => planBatch([job()], world, { days: ['2026-03-10'], budgetMs: -1 }))).toContain('budgetMs');
    expect(refusal(() => planBatch([job()], world, { days: ['2026-03-10'], maxRounds: 0 }))).toContain('maxRounds');
    expect(refusal(() => planBatch([job({ durationMinutes: -5 })], world, { days: ['2026-03-10'] }))).toContain('jobs[0].durationMinutes');
  });

  it('refuses a job without a usable time for auto-assignment or ranking', () => {
    expect(refusal(() => autoAssign({ ...job(), start: Number.NaN }, world))).toContain('start');
    expect(refusal(() => rankCandidates(job(), world, { from: 10, to: 5 }))).toContain('to');
  });

  it('accepts the same settings the portal settings schema accepts', () => {
    const slots = { granularityMinutes: 30 };
    const portal = PortalSettingsSchema.parse({ minLeadDays: 0, maxLeadDays: 30, minNoticeHours: 4, bookableIncidentTypeIds: ['it-1'], slots, surveyEnabled: true });
    expect(refusal(() => freeSlots(request({ granularityMinutes: slots.granularityMinutes, maxLeadDays: portal.maxLeadDays, minNoticeHours: portal.minNoticeHours }), world))).toBe('accepted');
    expect(PortalSettingsSchema.safeParse({ ...portal, slots: { granularityMinutes: -15 } }).success).toBe(false);
    expect(PortalSettingsSchema.safeParse({ ...portal, slots: { arrivalWindows: [] } }).success).toBe(false);
    expect(PortalSettingsSchema.safeParse({ ...portal, minLeadDays: 40 }).success).toBe(false);
  });
});

describe('plan file: working hours and options', () => {
  const base = {
    technicians: [{ id: 't1', name: 'Night', homeBase: { lat: 40.75, lng: -73.98 }, territoryIds: ['nyc'], characteristics: {}, timeZone: 'America/New_York', weeklyHours: { mon: [{ start: '22:00', end: '06:00' }] }, returnHome: true }],
    jobs: [],
    options: { days: ['2026-03-09'] },
  };
  const errors = (input: unknown) => {
    const parsed = parsePlanInput(input);
    return parsed.ok ? [] : parsed.errors;
  };

  it('accepts an overnight shift and the return-home option', () => {
    const parsed = parsePlanInput(base);
    expect(parsed.ok && parsed.input.technicians[0]?.returnHome).toBe(true);
  });

  it('refuses a shift without a length and a night running into the next day', () => {
    const zero = { ...base, technicians: [{ ...base.technicians[0], weeklyHours: { mon: [{ start: '22:00', end: '22:00' }] } }] };
    expect(errors(zero)).toEqual([expect.stringMatching(/^technicians\[0\]\.weeklyHours\.mon\[0\]\.end: a period needs a length/)]);
    const clash = { ...base, technicians: [{ ...base.technicians[0], weeklyHours: { mon: [{ start: '22:00', end: '06:00' }], tue: [{ start: '05:00', end: '09:00' }] } }] };
    expect(errors(clash)).toEqual([expect.stringMatching(/^technicians\[0\]\.weeklyHours\.mon\[0\]\.end: the night 22:00–06:00 runs into tue/)]);
  });

  it('refuses a negative budget and a duplicate day', () => {
    expect(errors({ ...base, options: { days: ['2026-03-09'], budgetMs: -1 } })).toEqual([expect.stringMatching(/^options\.budgetMs:/)]);
    expect(errors({ ...base, options: { days: ['2026-03-09', '2026-03-09'] } })).toEqual([expect.stringMatching(/^options\.days:/)]);
  });
});
