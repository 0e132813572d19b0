import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import { readSyncState } from '../../../electron/main/db/queries/sync-state-queries';
import { HubClient } from '../../../electron/main/sync/hub-client';
import { appendToOutbox, pendingMutations } from '../../../electron/main/sync/outbox';
import { pull } from '../../../electron/main/sync/pull';
import { push } from '../../../electron/main/sync/push';
import type { RunMutationResponse, SyncIssue, SyncStatus } from '../../../shared/contract/ipc-contract';
import type { Booking } from '../../../shared/domain/entities';
import { startDemoHub, type HubProcess } from '../support/hub-process';
import { connect, failOnRebaseError, firstRow, startTestConsole, type TestConsole } from './support/console';

let hub: HubProcess;
let a: TestConsole;
let b: TestConsole;
beforeAll(async () => {
  hub = await startDemoHub();
  a = startTestConsole({ seedDemo: false });
  b = startTestConsole({ seedDemo: false });
  await connect(a, hub.url);
  await connect(b, hub.url);
});
afterAll(async () => {
  a?.close();
  b?.close();
  await hub?.stop();
});

const used = new Set<string>();
/** A scheduled booking nobody in this file touched yet. */
function scheduledBooking(console: TestConsole): Booking {
  const ids = console.services.db.prepare("SELECT id FROM bookings WHERE status = 'scheduled' ORDER BY start_ms DESC LIMIT 50").pluck().all() as string[];
  const id = ids.find((i) => !used.has(i))!;
  used.add(id);
  return readEntity(console.services.db, 'booking', id)!;
}
const activeReason = (console: TestConsole) => firstRow<{ code: string }>(console, 'SELECT code FROM cancellation_reason_codes WHERE active = 1 ORDER BY code');

describe('local mutations and push', () => {
  it('apply at once in the replica, queue, reach the hub on push, and another console pulls them', async () => {
    const booking = scheduledBooking(a);
    const reason = activeReason(a);
    const answer = await a.call<RunMutationResponse>('runMutation', {
      name: 'cancelBooking',
      args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: reason.code, note: 'customer away' },
    });
    expect(answer).toMatchObject({ outcome: { status: 'applied' }, queued: true });
    // The optimistic change is in the replica before the hub has it (the push may already be under way).
    expect(readEntity(a.services.db, 'booking', booking.id)).toMatchObject({ status: 'canceled', cancellationNote: 'customer away' });
    expect(a.events.some((e) => e.type === 'data-changed' && e.entities.includes('booking'))).toBe(true);
    const status = await a.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ pendingCount: 0, refusedCount: 0, connection: 'online' });
    expect(readEntity(a.services.db, 'booking', booking.id)).toMatchObject({ status: 'canceled', version: booking.version + 1 });
    expect(a.services.db.prepare('SELECT COUNT(*) FROM shadow').pluck().get()).toBe(0);
    await b.call('syncNow');
    expect(readEntity(b.services.db, 'booking', booking.id)).toMatchObject({ status: 'canceled', cancellationNote: 'customer away', version: booking.version + 1 });
  });

  it('gives a created work order a provisional number that the hub number replaces after pull', async () => {
    const account = firstRow<{ id: string }>(a, 'SELECT id FROM accounts ORDER BY id');
    const type = firstRow<{ id: string }>(a, 'SELECT id FROM incident_types ORDER BY id');
    const workOrderId = `wo-${randomUUID()}`;
    const answer = await a.call<RunMutationResponse>('runMutation', { name: 'createWorkOrder', args: { workOrderId, accountId: account.id, incidentTypeId: type.id, summary: 'Leaking valve' } });
    expect(answer.outcome).toEqual({ status: 'applied' });
    expect(readEntity(a.services.db, 'workOrder', workOrderId)).toMatchObject({ summary: 'Leaking valve', status: 'unscheduled' });
    await a.call('syncNow');
    await b.call('syncNow');
    const there = readEntity(b.services.db, 'workOrder', workOrderId)!;
    expect(there.summary).toBe('Leaking valve');
    expect(readEntity(a.services.db, 'workOrder', workOrderId)!.number).toBe(there.number);
  });

  it('answers a local refusal without queueing anything', async () => {
    const booking = scheduledBooking(a);
    const answer = await a.call<RunMutationResponse>('runMutation', { name: 'cancelBooking', args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: 'NO_SUCH_REASON' } });
    expect(answer).toMatchObject({ queued: false, outcome: { status: 'refused', code: 'unknown_reason_code' } });
    expect((await a.call<SyncStatus>('getSyncStatus')).pendingCount).toBe(0);
    expect(readEntity(a.services.db, 'booking', booking.id)).toEqual(booking);
  });
});

describe('refusals', () => {
  it('turn a conflicting edit into a sync issue with its reason; the optimistic change goes at the next pull; dismiss removes it', async () => {
    const booking = scheduledBooking(a);
    expect(readEntity(b.services.db, 'booking', booking.id)).toEqual(booking);
    const reason = activeReason(b);
    // Both consoles edit the same version: A sets it traveling, B cancels it. Push is held back by pausing B's sync.
    await b.services.sync.stop();
    await a.call('runMutation', { name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } });
    await a.call('syncNow');
    const answer = await b.call<RunMutationResponse>('runMutation', { name: 'cancelBooking', args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: reason.code } });
    expect(answer).toMatchObject({ queued: true, outcome: { status: 'applied' } });
    expect(readEntity(b.services.db, 'booking', booking.id)).toMatchObject({ status: 'canceled' });
    b.services.sync.start();
    const status = await b.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ pendingCount: 0, refusedCount: 1 });
    const issues = await b.call<SyncIssue[]>('listSyncIssues');
    expect(issues).toEqual([
      expect.objectContaining({ mutationId: answer.mutationId, name: 'cancelBooking', code: 'version_conflict', reason: expect.stringMatching(/changed by someone else/) }),
    ]);
    expect(readEntity(b.services.db, 'booking', booking.id)).toMatchObject({ status: 'traveling', version: booking.version + 1 });
    expect(await b.call('dismissSyncIssue', { mutationId: answer.mutationId })).toEqual({ dismissed: true });
    expect(await b.call('listSyncIssues')).toEqual([]);
    expect(await b.call('dismissSyncIssue', { mutationId: answer.mutationId })).toEqual({ dismissed: false });
    expect((await b.call<SyncStatus>('getSyncStatus')).refusedCount).toBe(0);
  });
});

describe('retries', () => {
  it('apply a mutation once when its push answer was lost and the same outbox is pushed again', async () => {
    const db = b.services.db;
    await b.services.sync.stop();
    const booking = scheduledBooking(b);
    const mutationId = randomUUID();
    const envelope = { id: mutationId, name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } };
    db.transaction(() => appendToOutbox(db, { mutationId, name: envelope.name, args: envelope.args, createdAt: Date.now() }))();
    const state = readSyncState(db);
    const client = new HubClient({ baseUrl: state.hubUrl!, token: state.token });
    // First push: the hub applies it, but the answer never reaches the console.
    expect((await client.push([envelope])).results).toEqual([{ id: mutationId, status: 'applied' }]);
    expect(pendingMutations(db)).toHaveLength(1);
    // Second push of the same outbox: answered applied again (not a version conflict), applied once.
    expect(await push(db, client, { now: Date.now })).toEqual({ applied: 1, refused: 0, failed: 0 });
    expect(pendingMutations(db)).toHaveLength(0);
    await pull(db, client, { actor: 'test', now: Date.now, onRebaseError: failOnRebaseError });
    expect(readEntity(db, 'booking', booking.id)).toMatchObject({ status: 'traveling', version: booking.version + 1 });
    const audits = db.prepare("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'status:traveling'").pluck().get(booking.id);
    expect(audits).toBe(1);
    b.services.sync.start();
  });
});
