import { afterAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import { startHubWithHistory, type HubWithHistory } from '../support/hub-history';
import { connect, expectReplicaMatchesHub, startTestConsole, type TestConsole } from './support/console';

/**
 * A console must finish its first sync, and every later one, on a hub with ordinary history
 * whatever the page size: pages split bookings from their (later updated) work orders and
 * tombstones of parents from those of their children, and the pull is applied as a whole.
 */
const hubs: HubWithHistory[] = [];
const consoles: TestConsole[] = [];
afterAll(async () => {
  consoles.forEach((c) => c.close());
  for (const hub of hubs) await hub.close();
});

describe.each([1, 2, 7, undefined])('pull with history at page size %s', (pageSize) => {
  it('a fresh console syncs a hub with creates, schedules, moves, reassignments, cancellations and deletes, then follows more of them', async () => {
    const hub = await startHubWithHistory({ seed: 8000 + (pageSize ?? 0) });
    hubs.push(hub);
    const before = await hub.addHistory(60);
    expect(before.scheduled, 'bookings scheduled after their work order was created').toBeGreaterThan(3);
    expect(before.deletedParentFirst + before.deletedChildFirst, 'deletes').toBeGreaterThan(3);

    const console = startTestConsole({ seedDemo: false, manualSync: true, ...(pageSize ? { pageSize } : {}) });
    consoles.push(console);
    const status = await connect(console, hub.url);
    expect(status.lastError).toBeNull();
    expect(status.connection).toBe('online');
    expectReplicaMatchesHub(console, await hub.liveRows());

    const after = await hub.addHistory(40);
    expect(after.moved + after.reassigned + after.canceled + after.deletedParentFirst + after.deletedChildFirst).toBeGreaterThan(5);
    const synced = await console.call<SyncStatus>('syncNow');
    expect(synced.lastError).toBeNull();
    expectReplicaMatchesHub(console, await hub.liveRows());
  });
});
