import { afterEach, describe, expect, it } from 'vitest';
import { readPullStage } from '../../../electron/main/db/queries/pull-stage-queries';
import { pendingMutations } from '../../../electron/main/sync/outbox';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import type { ProxyGate } from '../support/fault-proxy';
import { connect, expectReplicaMatchesHub, hubLiveRows, startTestConsole } from './support/console';
import { advanceHub } from './support/hub-changes';
import { consoleBehindProxy, demoHub, hubBookingStatus, queueLocalChange, type Cleanup } from './support/proxied-hub';

/**
 * Starting over without a restore, on the engine of the test project: another hub at the same
 * address, "Re-download everything", and first downloads that break off.
 */
const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('another hub at the same address', () => {
  it('starts over when another hub answers at the same address', async () => {
    let hub = await demoHub(cleanup);
    const { console, proxy } = await consoleBehindProxy(cleanup, () => hub.url);
    await connect(console, proxy.url);
    await advanceHub(hub.url, 3);
    hub = await demoHub(cleanup);
    await advanceHub(hub.url, 40);
    // The other hub does not know this console's session: sign in again at the same address.
    expect((await console.call<SyncStatus>('syncNow')).connection).toBe('signed_out');

    const status = await connect(console, proxy.url);
    expect(status).toMatchObject({ connection: 'online', lastError: null });
    expect(status.lastStartOver?.reason).toBe('other_hub');
    expectReplicaMatchesHub(console, await hubLiveRows(hub.url));
  });
});

describe('re-download and interrupted downloads', () => {
  it('"Re-download everything" rebuilds a damaged replica from the hub and keeps the unsent change', async () => {
    const hub = await demoHub(cleanup);
    const { console, proxy } = await consoleBehindProxy(cleanup, () => hub.url);
    await connect(console, proxy.url);
    const db = console.services.db;
    db.prepare("DELETE FROM bookings WHERE id IN (SELECT id FROM bookings WHERE status = 'completed' LIMIT 25)").run();
    const unsent = await queueLocalChange(console);
    proxy.cut(true);
    const offline = await console.call<SyncStatus>('syncNow');
    expect(offline.connection).toBe('offline');
    expect(pendingMutations(db)).toHaveLength(1);
    proxy.cut(false);

    const status = await console.call<SyncStatus>('redownloadAll');
    expect(status).toMatchObject({ connection: 'online', lastError: null, pendingCount: 0, initialSync: null });
    expect(status.lastStartOver?.reason).toBe('requested');
    expect(await hubBookingStatus(hub.url, unsent)).toBe('traveling');
    expectReplicaMatchesHub(console, await hubLiveRows(hub.url));
  });

  it('answers "Re-download everything" without a hub with a clear error', async () => {
    const console = startTestConsole();
    cleanup.push(() => console.close());
    await expect(console.call('redownloadAll')).rejects.toThrow(/not_connected: Connect to a hub in Settings first/);
  });

  it('a first download whose snapshot is cut falls back to pages; cut after some pages it resumes where it stopped, and the board never shows half of it', async () => {
    const hub = await demoHub(cleanup);
    const cursors: number[] = [];
    let snapshots = 0;
    let cutAfter = 4;
    const gate: ProxyGate = ({ url }) => {
      if (url.startsWith('/api/v1/sync/snapshot')) return ++snapshots === 1 ? 'cut' : 'forward';
      if (!url.startsWith('/api/v1/sync/pull')) return 'forward';
      cursors.push(Number(new URL(url, 'http://x').searchParams.get('cursor')));
      return cursors.length > cutAfter ? 'cut' : 'forward';
    };
    const { console, proxy } = await consoleBehindProxy(cleanup, () => hub.url, { pageSize: 500, gate });
    const first = await connect(console, proxy.url);
    expect(first.connection).toBe('offline');
    expect(snapshots).toBe(1);
    const db = console.services.db;
    expect(db.prepare('SELECT COUNT(*) FROM bookings').pluck().get(), 'nothing of the cut snapshot applied').toBe(0);
    const paged = await console.call<SyncStatus>('syncNow');
    expect(paged.connection).toBe('offline');
    expect(snapshots, 'no second snapshot after one broke off').toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM bookings').pluck().get(), 'nothing applied before the last page').toBe(0);
    const stage = readPullStage(db);
    expect(stage?.cursor).toBeGreaterThan(0);

    cutAfter = Number.POSITIVE_INFINITY;
    const before = cursors.length;
    const status = await console.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ connection: 'online', lastError: null });
    expect(cursors[before], 'the next pull continues from the staged cursor').toBe(stage?.cursor);
    expect(readPullStage(db)).toBeUndefined();
    expectReplicaMatchesHub(console, await hubLiveRows(hub.url));
  });
});
