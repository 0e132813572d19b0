import { afterEach, describe, expect, it } from 'vitest';
import { parseBookingExplanation } from '../../../shared/mutations/booking-explanation';
import { closeHarnesses, trackedHarness, type ReplicaHarness } from '../../support/replica-harness';
import { at, NOW, smallCompany } from '../../support/small-company';

/**
 * applySchedule: a day's plan, fitting urgent work in, and undoing either, judged against the
 * schedule as it will be once every change is made and applied whole or not at all.
 */
afterEach(closeHarnesses);
const company = (): ReplicaHarness => trackedHarness(smallCompany(), NOW);

const book = (workOrderId: string, bookingId: string, resourceId: string, time: string) => ({ workOrderId, expectedVersion: 1, bookingId, resourceId, start: at(time) });

describe('applying a plan', () => {
  it('books every work order with the travel from the visit before it, audited as the plan', async () => {
    const h = company();
    const outcome = await h.run('applySchedule', { origin: 'plan', book: [book('wo-1', 'new-1', 'r-ann', '12:00'), book('wo-3', 'new-3', 'r-ann', '13:30')] });
    expect(outcome).toEqual({ status: 'applied' });
    expect(h.booking('new-1')).toMatchObject({ resourceId: 'r-ann', start: at('12:00'), end: at('13:00'), status: 'scheduled', assignmentOrigin: 'manual', reviewState: 'accepted' });
    // wo-1 comes after bk-11 at a-2 (1.1 km away, 1.45 km by road at 50 km/h); wo-3 after wo-1 (5.6 km).
    expect(h.booking('new-1')?.travelMinutes).toBe(2);
    expect(h.booking('new-3')?.travelMinutes).toBe(9);
    expect(h.workOrder('wo-1')?.status).toBe('scheduled');
    expect(h.audit('new-1').map((a) => a.action)).toEqual(['plan:book']);
  });

  it('refuses the whole plan when one visit breaks a rule, naming its work order, and writes nothing', async () => {
    const h = company();
    const outcome = await h.run('applySchedule', { origin: 'plan', book: [book('wo-3', 'new-3', 'r-ann', '13:30'), book('wo-1', 'new-1', 'r-bob', '12:00')] });
    expect(outcome).toMatchObject({ status: 'refused', code: 'rule', reason: expect.stringMatching(/^WO-00001: Lacks c-gas rating 2 \(has 1\)\. An override with a reason is needed\.$/) });
    expect(h.booking('new-3')).toBeUndefined();
    expect(h.workOrder('wo-3')?.status).toBe('unscheduled');
  });

  it('with an override, books the visit and records the code, the note and the rule on it', async () => {
    const h = company();
    const override = { code: 'skills_confirmed', reason: 'Bob did this model last week' };
    expect(await h.run('applySchedule', { origin: 'plan', book: [book('wo-1', 'new-1', 'r-bob', '12:00')], override })).toEqual({ status: 'applied' });
    const explanation = parseBookingExplanation(h.booking('new-1')!.explanation);
    expect(explanation?.override).toMatchObject({ ...override, rule: 'skill', actor: 'Dana', at: NOW });
    expect(JSON.parse(h.audit('new-1')[0]!.after!).override).toMatchObject({ ...override, rule: 'skill' });
  });

  it('never double-books, even with an override: two planned visits that overlap are refused', async () => {
    const h = company();
    const outcome = await h.run('applySchedule', {
      origin: 'plan',
      book: [book('wo-1', 'new-1', 'r-ann', '12:00'), book('wo-2', 'new-2', 'r-ann', '12:30')],
      override: { code: 'other', reason: 'squeeze it in' },
    });
    expect(outcome).toMatchObject({ status: 'refused', code: 'double_booking', reason: expect.stringContaining('WO-0000') });
    expect(h.booking('new-1')).toBeUndefined();
  });

  it('refuses a work order that was scheduled meanwhile (its version moved on)', async () => {
    const h = company();
    expect(await h.run('applySchedule', { origin: 'plan', book: [book('wo-1', 'first', 'r-ann', '12:00')] })).toEqual({ status: 'applied' });
    expect(await h.run('applySchedule', { origin: 'plan', book: [book('wo-1', 'second', 'r-ann', '14:00')] })).toMatchObject({ status: 'refused', code: 'version_conflict' });
  });
});

describe('fitting work in', () => {
  it('judges the new visit against the later visits at their new times, not their old ones', async () => {
    const h = company();
    // wo-2 (at a-2, 60 min) right after Ann's 09:00 visit; her 10:30 visit at the same site moves to 11:15.
    const insert = book('wo-2', 'urgent', 'r-ann', '10:05');
    const alone = await h.run('applySchedule', { origin: 'fit_in', book: [insert] });
    expect(alone).toMatchObject({ status: 'refused', code: 'double_booking' });
    const withMove = await h.run('applySchedule', { origin: 'fit_in', book: [insert], move: [{ bookingId: 'bk-11', expectedVersion: 1, resourceId: 'r-ann', start: at('11:15') }] });
    expect(withMove).toEqual({ status: 'applied' });
    expect(h.booking('bk-11')).toMatchObject({ start: at('11:15'), end: at('12:15'), travelMinutes: 0 });
    expect(h.booking('urgent')).toMatchObject({ start: at('10:05'), travelMinutes: 2 });
    expect(h.audit('bk-11').map((a) => a.action)).toEqual(['fit_in:move']);
  });

  it('refuses a knock-on move that would run past the end of the working day', async () => {
    const h = company();
    const outcome = await h.run('applySchedule', { origin: 'fit_in', move: [{ bookingId: 'bk-11', expectedVersion: 1, resourceId: 'r-ann', start: at('16:30') }] });
    expect(outcome).toMatchObject({ status: 'refused', code: 'rule', reason: expect.stringMatching(/^WO-00011: 16:30–17:30 is outside working hours/) });
  });
});

describe('undoing', () => {
  it('takes a booking back off the board and the work order back to unscheduled; it can be booked again', async () => {
    const h = company();
    expect(await h.run('applySchedule', { origin: 'undo', unbook: [{ bookingId: 'bk-11', expectedVersion: 1 }] })).toEqual({ status: 'applied' });
    expect(h.booking('bk-11')).toBeUndefined();
    expect(h.workOrder('wo-11')).toMatchObject({ status: 'unscheduled', version: 2 });
    expect(h.audit('bk-11').map((a) => a.action)).toEqual(['undo:unbook']);
    expect(await h.run('applySchedule', { origin: 'redo', book: [{ workOrderId: 'wo-11', expectedVersion: 2, bookingId: 'bk-11-again', resourceId: 'r-ann', start: at('10:30') }] })).toEqual({
      status: 'applied',
    });
  });

  it('refuses to take back a visit that is under way, or one changed since', async () => {
    const h = company();
    expect(await h.run('setBookingStatus', { bookingId: 'bk-10', expectedVersion: 1, status: 'traveling' })).toEqual({ status: 'applied' });
    expect(await h.run('applySchedule', { origin: 'undo', unbook: [{ bookingId: 'bk-10', expectedVersion: 2 }] })).toMatchObject({ status: 'refused', code: 'state' });
    expect(await h.run('applySchedule', { origin: 'undo', unbook: [{ bookingId: 'bk-11', expectedVersion: 7 }] })).toMatchObject({ status: 'refused', code: 'version_conflict' });
    expect(h.booking('bk-11')).toBeDefined();
  });
});

describe('arguments', () => {
  it.each([
    ['nothing to do', { origin: 'plan' }, /there is no change to apply/],
    ['a booking twice', { origin: 'undo', unbook: [{ bookingId: 'bk-11', expectedVersion: 1 }], move: [{ bookingId: 'bk-11', expectedVersion: 1, resourceId: 'r-ann', start: at('12:00') }] }, /each booking may appear only once/],
    ['a work order twice', { origin: 'plan', book: [book('wo-1', 'x', 'r-ann', '12:00'), book('wo-1', 'y', 'r-ann', '14:00')] }, /each work order may be booked only once/],
    ['an override without a note', { origin: 'plan', book: [book('wo-1', 'x', 'r-ann', '12:00')], override: { code: 'urgent', reason: ' ' } }, /an override needs a reason/],
  ])('refuses %s as invalid_args', async (_what, args, message) => {
    const h = company();
    expect(await h.run('applySchedule', args)).toMatchObject({ status: 'refused', code: 'invalid_args', reason: expect.stringMatching(message) });
  });
});
