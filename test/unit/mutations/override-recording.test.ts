import { afterEach, describe, expect, it } from 'vitest';
import { writeEntity } from '../../../electron/main/db/entity-rows';
import { autoAssign } from '../../../shared/scheduling/auto-assign';
import { parseBookingExplanation } from '../../../shared/mutations/booking-explanation';
import { closeHarnesses, trackedHarness, type ReplicaHarness } from '../../support/replica-harness';
import { at, NOW, smallCompany } from '../../support/small-company';

/** An override's reason code and note are kept on the booking (its explanation) and in the audit trail. */
afterEach(closeHarnesses);
const company = (): ReplicaHarness => trackedHarness(smallCompany(), NOW);

describe('overrides on the booking', () => {
  it('a move that breaks a rule keeps the code, the note and the rule broken on the booking', async () => {
    const h = company();
    const outcome = await h.run('moveBooking', { bookingId: 'bk-11', expectedVersion: 1, start: at('17:30'), override: { code: 'overtime_agreed', reason: 'Ann stays late' } });
    expect(outcome).toEqual({ status: 'applied' });
    expect(parseBookingExplanation(h.booking('bk-11')!.explanation)?.override).toEqual({
      code: 'overtime_agreed',
      reason: 'Ann stays late',
      rule: 'working_hours',
      ruleMessage: expect.stringMatching(/^17:30–18:30 is outside working hours/),
      actor: 'Dana',
      at: NOW,
    });
  });

  it('a move that breaks no rule records no override, even when one was given', async () => {
    const h = company();
    expect(await h.run('moveBooking', { bookingId: 'bk-11', expectedVersion: 1, start: at('12:00'), override: { code: 'other', reason: 'just in case' } })).toEqual({ status: 'applied' });
    expect(h.booking('bk-11')!.explanation).toBeNull();
  });

  it('overriding an automatic assignment keeps the engine\'s explanation and adds the dispatcher\'s reason, rule broken or not', async () => {
    const h = company();
    const original = h.booking('bk-11')!;
    const engine = autoAssign({ id: 'wo-11', durationMinutes: 60, requiredCharacteristics: [], territoryId: 't-north', location: { lat: 41.91, lng: -87.65 }, timeZone: 'America/Chicago', start: at('14:00') }, { resources: [], bookings: [] }).explanation;
    writeEntity(h.db, 'booking', { ...original, assignmentOrigin: 'auto', reviewState: 'needs_review', explanation: JSON.stringify({ ...engine, summary: 'Ann was nearest.' }) }, 1, 0);
    const outcome = await h.run('overrideAutoAssignment', { bookingId: 'bk-11', expectedVersion: 1, resourceId: 'r-ann', start: at('12:00'), reason: 'Customer asked for noon', reasonCode: 'customer_request' });
    expect(outcome).toEqual({ status: 'applied' });
    const explanation = parseBookingExplanation(h.booking('bk-11')!.explanation);
    expect(explanation).toMatchObject({ summary: 'Ann was nearest.', override: { code: 'customer_request', reason: 'Customer asked for noon', rule: null } });
    expect(h.booking('bk-11')).toMatchObject({ assignmentOrigin: 'manual', reviewState: 'overridden' });
  });

  it('a change queued before reason codes existed still applies, as "other"', async () => {
    const h = company();
    expect(await h.run('reassignBooking', { bookingId: 'bk-11', expectedVersion: 1, resourceId: 'r-bob', override: { reason: 'old console' } })).toEqual({ status: 'applied' });
    expect(parseBookingExplanation(h.booking('bk-11')!.explanation)?.override).toMatchObject({ code: 'other', reason: 'old console', rule: 'skill' });
  });

  it('an unknown reason code is refused at the boundary', async () => {
    const h = company();
    expect(await h.run('moveBooking', { bookingId: 'bk-11', expectedVersion: 1, start: at('17:30'), override: { code: 'because', reason: 'Ann stays late' } })).toMatchObject({
      status: 'refused',
      code: 'invalid_args',
    });
  });
});

describe('reading stored explanations', () => {
  it.each([
    ['nothing', null, null],
    ['not JSON', '{oops', null],
    ['a demo summary', '{"summary":"Nearest matching technician (15 min away)."}', { summary: 'Nearest matching technician (15 min away).', candidates: [], override: null }],
    ['an old bare override reason', '{"overrideReason":"knows the site"}', { summary: null, override: { code: 'other', reason: 'knows the site', rule: null } }],
    ['a candidate list of the wrong shape', '{"summary":"s","candidates":[{"x":1}]}', { summary: 's', candidates: [] }],
  ])('reads %s', (_what, text, expected) => {
    const parsed = parseBookingExplanation(text);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toMatchObject(expected);
  });
});
