import { afterEach, describe, expect, it } from 'vitest';
import { writeEntity } from '../../../electron/main/db/entity-rows';
import type { Availability, FitInProposal, PlacementJob, ReviewItem, RowVersions, SchedulingContext } from '../../../shared/contract/dispatch-contract';
import type { BoardData, RunMutationResponse } from '../../../shared/contract/ipc-contract';
import { at, DAY, smallCompany } from '../../support/small-company';
import { startSmallConsole, type SmallConsole } from './support/small-console';

/** The console API behind the dispatcher's actions, over a real replica file holding the small company. */
const consoles: SmallConsole[] = [];
afterEach(() => consoles.splice(0).forEach((c) => c.close()));
function open(now = at('06:00')): SmallConsole {
  const c = startSmallConsole({ now });
  consoles.push(c);
  return c;
}

describe('the board', () => {
  it('gives each technician their zone and how booked each day is, and each booking its version and work order', async () => {
    const c = open();
    const board = await c.call<BoardData>('getBoard', { date: DAY, days: 3, timeZone: 'America/Chicago' });
    const ann = board.technicians.find((t) => t.id === 'r-ann')!;
    expect(ann.timeZone).toBe('America/Chicago');
    expect(ann.utilisation).toEqual([
      { date: DAY, bookedMinutes: 120, workingMinutes: 540, level: 'partly' },
      { date: '2026-11-25', bookedMinutes: 0, workingMinutes: 540, level: 'free' },
      { date: '2026-11-26', bookedMinutes: 0, workingMinutes: 540, level: 'free' },
    ]);
    expect(board.bookings.find((b) => b.id === 'bk-11')).toMatchObject({ version: 1, workOrderId: 'wo-11' });
  });

  it('shades a full day as fully booked, more than the working time as over-booked, and a day off as off', async () => {
    const dataset = smallCompany();
    const ann = dataset.resources[0]!;
    dataset.resources[0] = { ...ann, timeOff: [{ start: at('00:00', '2026-11-25'), end: at('00:00', '2026-11-26') }] };
    dataset.workOrders.push({ ...dataset.workOrders[4]!, id: 'wo-12', number: 'WO-00012' });
    // 9 hours booked on Bob's 9-hour day: full. One visit on Ann's day off: over-booked.
    dataset.bookings.push({ ...dataset.bookings[0]!, id: 'bk-long', workOrderId: 'wo-12', resourceId: 'r-bob', start: at('08:00'), end: at('17:00') });
    dataset.bookings.push({ ...dataset.bookings[0]!, id: 'bk-off', workOrderId: 'wo-12', start: at('09:00', '2026-11-25'), end: at('10:00', '2026-11-25') });
    const c = startSmallConsole({ now: at('06:00'), dataset });
    consoles.push(c);
    const board = await c.call<BoardData>('getBoard', { date: DAY, days: 2, timeZone: 'America/Chicago' });
    const level = (id: string) => board.technicians.find((t) => t.id === id)!.utilisation.map((u) => u.level);
    expect(level('r-bob')).toEqual(['fully', 'free']);
    expect(level('r-ann')).toEqual(['partly', 'over']);
  });

  it('hands the renderer the technicians and the bookings around the board for its drag checks', async () => {
    const c = open();
    const context = await c.call<SchedulingContext>('getSchedulingContext', { date: DAY, timeZone: 'America/Chicago' });
    expect(context.resources.map((r) => r.id)).toEqual(['r-ann', 'r-bob', 'r-cy']);
    expect(context.bookings.map((b) => [b.id, b.location])).toEqual([
      ['bk-10', { lat: 41.9, lng: -87.65 }],
      ['bk-11', { lat: 41.91, lng: -87.65 }],
    ]);
    const job = await c.call<PlacementJob>('getPlacementJob', { target: { bookingId: 'bk-11' } });
    expect(job).toMatchObject({ workOrderId: 'wo-11', workOrderNumber: 'WO-00011', booking: { id: 'bk-11', version: 1 }, job: { durationMinutes: 60, territoryId: 't-north' } });
  });
});

describe('find availability', () => {
  it('ranks technicians with the engine\'s reasons and free quarter-hour starts; the excluded say why', async () => {
    const c = open();
    const result = await c.call<Availability>('findAvailability', { target: { workOrderId: 'wo-1' }, when: { from: at('00:00'), to: at('00:00', '2026-11-25') } });
    expect(result.candidates.map((x) => [x.resourceId, x.outcome, x.rank, x.rule])).toEqual([
      ['r-ann', 'won', 1, null],
      ['r-bob', 'excluded', null, 'skill'],
      ['r-cy', 'excluded', null, 'territory'],
    ]);
    const ann = result.candidates[0]!;
    // Ann is busy at a-1 until 10:00 and at a-2 10:30–11:30; the first room is after, under 2 minutes'
    // drive on — to the millisecond, as the engine times every start (one precision everywhere).
    expect(ann.start).toBeGreaterThan(at('11:31'));
    expect(ann.start).toBeLessThan(at('11:32'));
    expect(ann.freeStarts.slice(0, 3)).toEqual([at('11:45'), at('12:00'), at('12:15')]);
    expect(ann.freeStarts.at(-1)).toBe(at('13:30'));
    expect(ann.moreFreeStarts).toBe(10); // up to 16:00, the last start that ends by 17:00
    expect(result.candidates[1]!.reason).toBe('lacks c-gas rating 2 (has 1)');
  });

  it('leaves a booking\'s own slot free when looking for where it could go', async () => {
    const c = open();
    const result = await c.call<Availability>('findAvailability', { target: { bookingId: 'bk-11' }, when: { at: at('10:30') } });
    expect(result.candidates[0]).toMatchObject({ resourceId: 'r-ann', outcome: 'won', start: at('10:30') });
  });

  it('refuses a search over more than a week, and names a booking that does not exist', async () => {
    const c = open();
    expect(await c.fail('findAvailability', { target: { workOrderId: 'wo-1' }, when: { from: at('00:00'), to: at('00:00') + 8 * 86_400_000 } })).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('at most 7 days') });
    expect(await c.fail('findAvailability', { target: { bookingId: 'nope' }, when: { at: at('10:30') } })).toMatchObject({ code: 'not_found', message: 'There is no booking nope.' });
  });
});

describe('the review queue', () => {
  it('lists automatic assignments awaiting review with their stored explanation, soonest first', async () => {
    const c = open();
    const stored = smallCompany().bookings[1]!;
    writeEntity(c.services.db, 'booking', { ...stored, assignmentOrigin: 'auto', reviewState: 'needs_review', explanation: '{"summary":"Ann was nearest."}' }, 1, 0);
    const queue = await c.call<ReviewItem[]>('listReviewQueue');
    expect(queue).toEqual([expect.objectContaining({ bookingId: 'bk-11', resourceName: 'Ann Archer', workOrderNumber: 'WO-00011', explanation: '{"summary":"Ann was nearest."}' })]);
  });
});

describe('fit in now', () => {
  it('puts the urgent visit after the one under way, pushes the later visit on, and the proposal applies as one change', async () => {
    const c = open(at('09:30'));
    const proposal = await c.call<FitInProposal>('proposeFitIn', { workOrderId: 'wo-2' });
    expect(proposal.excluded).toBe(2);
    const [ann] = proposal.candidates;
    expect(ann).toMatchObject({
      resourceId: 'r-ann',
      from: { kind: 'current_visit', workOrderNumber: 'WO-00010' },
      start: at('10:05'),
      end: at('11:05'),
      problems: [],
    });
    // About 1.45 km at 50 km/h after her visit ends at 10:00; the visit starts on the next five minutes.
    expect(ann!.arrival - at('10:00')).toBeGreaterThan(90_000);
    expect(ann!.arrival - at('10:00')).toBeLessThan(120_000);
    expect(ann!.moves).toEqual([{ bookingId: 'bk-11', version: 1, workOrderNumber: 'WO-00011', accountName: 'Account a-2', contactName: null, from: at('10:30'), to: at('11:05'), pinned: false }]);
    const applied = await c.call<RunMutationResponse>('runMutation', {
      name: 'applySchedule',
      args: { origin: 'fit_in', book: [{ workOrderId: 'wo-2', expectedVersion: 1, bookingId: 'urgent-1', resourceId: 'r-ann', start: ann!.start }], move: ann!.moves.map((m) => ({ bookingId: m.bookingId, expectedVersion: m.version, resourceId: 'r-ann', start: m.to })) },
    });
    expect(applied.outcome).toEqual({ status: 'applied' });
    const versions = await c.call<RowVersions>('getRowVersions', { bookingIds: ['bk-11', 'urgent-1', 'gone'], workOrderIds: ['wo-2'] });
    expect(versions).toEqual({ bookings: [{ id: 'bk-11', version: 2 }, { id: 'urgent-1', version: 1 }, { id: 'gone', version: null }], workOrders: [{ id: 'wo-2', version: 2 }] });
  });

  it('says what a push would break: a visit pushed past the end of the day', async () => {
    const c = open(at('16:00'));
    const dataset = smallCompany();
    writeEntity(c.services.db, 'booking', { ...dataset.bookings[1]!, start: at('16:15'), end: at('17:00') }, 1, 0);
    c.services.worlds.invalidate();
    const proposal = await c.call<FitInProposal>('proposeFitIn', { workOrderId: 'wo-2' });
    expect(proposal.candidates[0]!.problems).toEqual([
      expect.objectContaining({ workOrderNumber: 'WO-00002', rule: 'working_hours', overridable: true }),
      expect.objectContaining({ workOrderNumber: 'WO-00011', rule: 'working_hours', overridable: true }),
    ]);
  });
});
