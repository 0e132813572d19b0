import { describe, expect, it } from 'vitest';
import { BookingSchema, IncidentTypeSchema, ResourceSchema, ServiceAccountSchema, WorkOrderSchema } from '../../../shared/domain/entities';
import { buildDemoDataset } from '../../../shared/demo/seed-builder';

const demo = buildDemoDataset({ seed: 7, now: Date.UTC(2026, 10, 23, 15), accounts: 40, technicians: 8 });
const account = demo.accounts[0]!;
const booking = demo.bookings[0]!;
const resource = demo.resources[0]!;

function firstIssue(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const issue = result.error?.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'accepted';
}

describe('domain schemas', () => {
  it('accept every entity the demo seed builds', () => {
    for (const a of demo.accounts) expect(ServiceAccountSchema.safeParse(a).success).toBe(true);
    for (const r of demo.resources) expect(firstIssue(ResourceSchema.safeParse(r))).toBe('accepted');
    for (const t of demo.incidentTypes) expect(firstIssue(IncidentTypeSchema.safeParse(t))).toBe('accepted');
    for (const w of demo.workOrders) expect(firstIssue(WorkOrderSchema.safeParse(w))).toBe('accepted');
    for (const b of demo.bookings) expect(firstIssue(BookingSchema.safeParse(b))).toBe('accepted');
  });

  it('refuses an unknown time zone', () => {
    expect(firstIssue(ServiceAccountSchema.safeParse({ ...account, timeZone: 'America/Chicagoo' }))).toBe(
      'timeZone: is not a known IANA time zone',
    );
  });

  it('refuses coordinates off the globe', () => {
    expect(firstIssue(ServiceAccountSchema.safeParse({ ...account, lat: 91 }))).toMatch(/^lat:/);
  });

  it('refuses a booking that ends before it starts', () => {
    expect(firstIssue(BookingSchema.safeParse({ ...booking, end: booking.start - 1 }))).toBe('end: end must be after start');
  });

  it('refuses a canceled booking without a reason code', () => {
    const result = BookingSchema.safeParse({ ...booking, status: 'canceled', cancellationReasonCode: null });
    expect(firstIssue(result)).toBe('cancellationReasonCode: a canceled booking needs a reason code');
  });

  it('refuses a status outside the state machine', () => {
    expect(firstIssue(BookingSchema.safeParse({ ...booking, status: 'done' }))).toMatch(/^status:/);
  });

  it('refuses ratings outside 1–5 and working hours without a length', () => {
    const badRating = { ...resource, characteristics: [{ characteristicId: 'chr-hvac', rating: 6 }] };
    expect(firstIssue(ResourceSchema.safeParse(badRating))).toBe('characteristics.0.rating: ratings go up to 5');
    const badHours = { ...resource, weeklyHours: { ...resource.weeklyHours, mon: [{ start: '08:00', end: '08:00' }] } };
    expect(firstIssue(ResourceSchema.safeParse(badHours))).toBe('weeklyHours.mon.0.end: a period needs a length (an end before the start means overnight, e.g. 22:00–06:00)');
    const badClock = { ...resource, weeklyHours: { ...resource.weeklyHours, tue: [{ start: '8am', end: '17:00' }] } };
    expect(firstIssue(ResourceSchema.safeParse(badClock))).toBe('weeklyHours.tue.0.start: must be HH:MM (24 h)');
  });

  it('accepts an overnight shift and refuses one that runs into the next day’s hours', () => {
    const night = { ...resource, weeklyHours: { ...resource.weeklyHours, mon: [{ start: '22:00', end: '06:00' }], tue: [{ start: '07:00', end: '12:00' }] } };
    expect(ResourceSchema.safeParse(night).success).toBe(true);
    const clash = { ...night, weeklyHours: { ...night.weeklyHours, tue: [{ start: '05:00', end: '12:00' }] } };
    expect(firstIssue(ResourceSchema.safeParse(clash))).toBe('weeklyHours.mon.0.end: the night 22:00–06:00 runs into tue 05:00–12:00; end it by 05:00');
  });

  it('refuses a technician without a territory and a bad e-mail', () => {
    expect(firstIssue(ResourceSchema.safeParse({ ...resource, territoryIds: [] }))).toBe(
      'territoryIds: a technician serves at least one territory',
    );
    expect(firstIssue(ResourceSchema.safeParse({ ...resource, email: 'not-an-address' }))).toBe(
      'email: is not a valid e-mail address',
    );
  });

  it('refuses a malformed work order number and a portal incident type without a customer-facing name', () => {
    expect(firstIssue(WorkOrderSchema.safeParse({ ...demo.workOrders[0], number: 'WO-12' }))).toBe('number: must look like WO-00001');
    const type = { ...demo.incidentTypes[0], portalBookable: true, customerFacingName: null };
    expect(firstIssue(IncidentTypeSchema.safeParse(type))).toBe('customerFacingName: a portal-bookable incident type needs a customer-facing name');
  });
});
