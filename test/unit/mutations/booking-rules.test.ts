import { afterEach, describe, expect, it } from 'vitest';
import { readEntity, writeEntity } from '../../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../../electron/main/db/open-replica';
import { ReplicaMutationTx } from '../../../electron/main/db/replica-mutation-tx';
import { withWriteTransaction } from '../../../electron/main/db/write-transaction';
import { insertDataset } from '../../../electron/main/db/writes/insert-dataset';
import { mutationRoles, rolesForMutation } from '../../../shared/contract/hub-http';
import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';
import type { Booking } from '../../../shared/domain/entities';
import type { MutationOutcome } from '../../../shared/mutations/mutation-context';
import { isMutationName, mutationNames, runMutation } from '../../../shared/mutations/mutation-registry';

/** Business rules of the booking mutations that review found broken or missing. */
const now = Date.UTC(2026, 10, 23, 16, 30);
const dataset = buildDemoDataset({ seed: DEMO_SEED, now, technicians: 12, accounts: 40 });
const open: Replica[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function replica(): Replica {
  const db = openReplica(':memory:');
  open.push(db);
  insertDataset(db, dataset);
  return db;
}

async function run(db: Replica, name: string, args: unknown): Promise<MutationOutcome> {
  return withWriteTransaction(db, async () => runMutation(new ReplicaMutationTx(db, { actor: 'Dana', now: () => now, shadow: false }), { actor: 'Dana', now }, { name, args }));
}

function booking(db: Replica, id: string): Booking {
  return readEntity(db, 'booking', id)!;
}

/** A scheduled booking put back in "auto-assigned, awaiting review". */
function autoAssigned(db: Replica): Booking {
  const b = dataset.bookings.find((x) => x.status === 'scheduled' && x.start > now)!;
  const row: Booking = { ...b, assignmentOrigin: 'auto', reviewState: 'needs_review', explanation: '{}' };
  writeEntity(db, 'booking', row, b.version, 0);
  return row;
}

describe('mutation names', () => {
  it.each(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'])('"%s" is no mutation and has no roles', async (name) => {
    expect(isMutationName(name)).toBe(false);
    expect(rolesForMutation(name)).toBeUndefined();
    expect(await run(replica(), name, {})).toMatchObject({ status: 'refused', code: 'unknown_mutation' });
  });

  it('every mutation has a roles entry', () => {
    expect(Object.keys(mutationRoles).sort()).toEqual([...mutationNames].sort());
  });
});

describe('accepting an automatic assignment', () => {
  it.each(['canceled', 'completed'] as const)('is refused for a %s booking', async (status) => {
    const db = replica();
    const b = autoAssigned(db);
    const finished: Booking = status === 'canceled' ? { ...b, status, cancellationReasonCode: dataset.reasonCodes[0]!.code, cancellationNote: '' } : { ...b, status };
    writeEntity(db, 'booking', finished, b.version, 0);
    const outcome = await run(db, 'acceptAutoAssignment', { bookings: [{ bookingId: b.id, expectedVersion: b.version }] });
    expect(outcome).toMatchObject({ status: 'refused', code: 'state', reason: expect.stringMatching(new RegExp(`is ${status}`)) });
    expect(booking(db, b.id).reviewState).toBe('needs_review');
  });
});

describe('moving in time keeps who chose the technician', () => {
  it('a time-only move keeps an auto-assignment awaiting review, which can then still be overridden', async () => {
    const db = replica();
    const b = autoAssigned(db);
    expect(await run(db, 'moveBooking', { bookingId: b.id, expectedVersion: b.version, start: b.start + 15 * 60_000, override: { reason: 'customer asked' } })).toEqual({ status: 'applied' });
    const moved = booking(db, b.id);
    expect(moved).toMatchObject({ assignmentOrigin: 'auto', reviewState: 'needs_review', start: b.start + 15 * 60_000 });
    const other = dataset.resources.find((r) => r.id !== b.resourceId)!;
    const override = await run(db, 'overrideAutoAssignment', { bookingId: b.id, expectedVersion: moved.version, resourceId: other.id, reason: 'knows the site' });
    expect(override.status === 'refused' ? override.code : 'applied').not.toBe('state');
  });

  it('a move to another technician makes it the dispatcher\'s choice', async () => {
    const db = replica();
    const b = autoAssigned(db);
    const other = dataset.resources.find((r) => r.id !== b.resourceId)!;
    const outcome = await run(db, 'moveBooking', { bookingId: b.id, expectedVersion: b.version, start: b.start, resourceId: other.id, override: { reason: 'swap' } });
    if (outcome.status === 'refused') expect(outcome.code).toBe('double_booking');
    else expect(booking(db, b.id)).toMatchObject({ assignmentOrigin: 'manual', reviewState: 'overridden', resourceId: other.id });
  });
});

describe('pinning', () => {
  it('pins and unpins with the version check, audited; refuses pinning twice or a finished visit', async () => {
    const db = replica();
    const b = dataset.bookings.find((x) => x.status === 'scheduled' && !x.pinned)!;
    expect(await run(db, 'pinBooking', { bookingId: b.id, expectedVersion: b.version })).toEqual({ status: 'applied' });
    expect(booking(db, b.id)).toMatchObject({ pinned: true, version: b.version + 1 });
    expect(await run(db, 'pinBooking', { bookingId: b.id, expectedVersion: b.version + 1 })).toMatchObject({ status: 'refused', code: 'state' });
    expect(await run(db, 'unpinBooking', { bookingId: b.id, expectedVersion: b.version })).toMatchObject({ status: 'refused', code: 'version_conflict' });
    expect(await run(db, 'unpinBooking', { bookingId: b.id, expectedVersion: b.version + 1 })).toEqual({ status: 'applied' });
    expect(db.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, rowid").pluck().all(b.id)).toEqual(['pin', 'unpin']);
    const done = dataset.bookings.find((x) => x.status === 'completed')!;
    expect(await run(db, 'pinBooking', { bookingId: done.id, expectedVersion: done.version })).toMatchObject({ status: 'refused', code: 'state' });
  });
});

describe('promised arrival window', () => {
  it('refuses a move outside the window promised to the customer unless overridden with a reason', async () => {
    const db = replica();
    const b = dataset.bookings.find((x) => x.status === 'scheduled' && x.start > now && x.assignmentOrigin === 'manual')!;
    const workOrder = readEntity(db, 'workOrder', b.workOrderId)!;
    writeEntity(db, 'workOrder', { ...workOrder, promisedWindowStart: b.start - 3_600_000, promisedWindowEnd: b.start }, workOrder.version, 0);
    const late = await run(db, 'moveBooking', { bookingId: b.id, expectedVersion: b.version, start: b.start + 5 * 60_000 });
    expect(late).toMatchObject({ status: 'refused', code: 'rule', reason: expect.stringMatching(/outside the arrival window promised to the customer \(.*America\/Chicago\)/) });
    const overridden = await run(db, 'moveBooking', { bookingId: b.id, expectedVersion: b.version, start: b.start + 5 * 60_000, override: { reason: 'customer agreed by phone' } });
    expect(overridden).toEqual({ status: 'applied' });
    const back = await run(db, 'moveBooking', { bookingId: b.id, expectedVersion: b.version + 1, start: b.start - 5 * 60_000 });
    expect(back).toEqual({ status: 'applied' });
  });
});

describe('instants', () => {
  it.each([8.64e15, -1, Date.UTC(1999, 11, 31), Date.UTC(2100, 0, 2)])('a start of %s is refused as invalid_args before the engine sees it', async (start) => {
    const db = replica();
    const b = dataset.bookings.find((x) => x.status === 'scheduled')!;
    expect(await run(db, 'moveBooking', { bookingId: b.id, expectedVersion: b.version, start })).toMatchObject({ status: 'refused', code: 'invalid_args', reason: expect.stringMatching(/start: must/) });
  });
});
