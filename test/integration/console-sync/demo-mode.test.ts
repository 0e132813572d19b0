import { afterAll, describe, expect, it } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import type { RunMutationResponse, SyncStatus } from '../../../shared/contract/ipc-contract';
import type { CancellationReasonCode } from '../../../shared/domain/entities';
import { startTestConsole } from './support/console';

const console = startTestConsole();
afterAll(() => console.close());

describe('demo mode (no hub)', () => {
  it('applies mutations straight to the replica with nothing queued', async () => {
    expect(await console.call<SyncStatus>('getSyncStatus')).toMatchObject({ mode: 'demo', connection: 'not_configured', pendingCount: 0, user: null });
    const reasons = await console.call<CancellationReasonCode[]>('listReasonCodes');
    const reason = reasons.find((r) => r.active)!;
    const id = console.services.db.prepare("SELECT id FROM bookings WHERE status = 'scheduled' LIMIT 1").pluck().get() as string;
    const booking = readEntity(console.services.db, 'booking', id)!;
    const answer = await console.call<RunMutationResponse>('runMutation', { name: 'cancelBooking', args: { bookingId: id, expectedVersion: booking.version, reasonCode: reason.code } });
    expect(answer).toMatchObject({ queued: false, outcome: { status: 'applied' } });
    expect(readEntity(console.services.db, 'booking', id)).toMatchObject({ status: 'canceled', version: booking.version + 1 });
    expect(console.services.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(0);
    expect(console.services.db.prepare('SELECT COUNT(*) FROM shadow').pluck().get()).toBe(0);
    expect(console.events).toContainEqual({ type: 'data-changed', entities: expect.arrayContaining(['booking', 'audit']) });
    expect(await console.call('runMutation', { name: 'teleport', args: {} })).toMatchObject({ queued: false, outcome: { status: 'refused', code: 'unknown_mutation' } });
    expect(await console.call('syncNow')).toMatchObject({ mode: 'demo' });
  });
});
