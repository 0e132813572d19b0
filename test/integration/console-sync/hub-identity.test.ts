import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPullStage } from '../../../electron/main/db/queries/pull-stage-queries';
import { pendingMutations } from '../../../electron/main/sync/outbox';
import type { HealthResponse } from '../../../shared/contract/hub-http';
import type { RunMutationResponse, SyncStatus } from '../../../shared/contract/ipc-contract';
import { seededRandom } from '../../../shared/random/seeded-random';
import { startFaultProxy, type FaultProxy, type ProxyGate } from '../support/fault-proxy';
import { createAdmin, newHubDataDir, runHubCommand, startHub, type HubProcess } from '../support/hub-process';
import { connect, expectReplicaMatchesHub, hubLiveRows, startTestConsole, type TestConsole } from './support/console';
import { advanceHub, hubBookings } from './support/hub-changes';

/**
 * A console must know which hub, and which life of it, it mirrors: a hub restored from an older
 * backup, a store put back by copying a file, another hub at the same address, or a plain
 * "Re-download everything" each make it download everything again — keeping what it has not
 * sent — instead of retrying forever or skipping rows silently.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function demoHub(dataDir = newHubDataDir()): Promise<HubProcess> {
  createAdmin(dataDir);
  const hub = await startHub({ dataDir, demo: true });
  cleanup.push(() => hub.stop());
  return hub;
}

async function restartHub(dataDir: string): Promise<HubProcess> {
  const hub = await startHub({ dataDir });
  cleanup.push(() => hub.stop());
  return hub;
}

/** A console reaching the hub through a proxy, so the hub behind one address can be swapped. */
async function consoleBehindProxy(target: () => string, options: { pageSize?: number; gate?: ProxyGate } = {}): Promise<{ console: TestConsole; proxy: FaultProxy }> {
  const proxy = await startFaultProxy(target, seededRandom(1), { delay: 0, duplicate: 0, dropResponse: 0 }, options.gate);
  const console = startTestConsole({ seedDemo: false, manualSync: true, ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
  cleanup.push(() => proxy.close());
  cleanup.push(() => console.close());
  return { console, proxy };
}

/** Queues a change in the console (not yet sent): the latest scheduled booking goes traveling. */
async function queueLocalChange(console: TestConsole): Promise<string> {
  const booking = console.services.db.prepare("SELECT id, version FROM bookings WHERE status = 'scheduled' ORDER BY start_ms DESC LIMIT 1").get() as { id: string; version: number };
  const answer = await console.call<RunMutationResponse>('runMutation', { name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } });
  expect(answer).toMatchObject({ queued: true, outcome: { status: 'applied' } });
  return booking.id;
}

async function hubBookingStatus(url: string, bookingId: string): Promise<string | undefined> {
  return (await hubBookings(url)).get(bookingId)?.status;
}

function storeFile(dataDir: string): string {
  return path.join(dataDir, 'hub.sqlite');
}

/** Puts `backup` in place of the hub's store by copying the file, as an operator might (hub stopped). */
function copyBackOver(backup: string, dataDir: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(storeFile(dataDir) + suffix, { force: true });
  copyFileSync(backup, storeFile(dataDir));
}

/**
 * A console synced with a demo hub behind a proxy; a backup taken; then five changes at the hub
 * that the console has pulled (its cursor is past the backup). `putBack` stops the hub, puts the
 * backup back the given way and starts the hub again behind the same address.
 */
async function syncedPastABackup(): Promise<{ console: TestConsole; epochBefore: string; putBack: (how: (backup: string, dataDir: string) => void) => Promise<HubProcess> }> {
  let hub = await demoHub();
  const { console, proxy } = await consoleBehindProxy(() => hub.url);
  await connect(console, proxy.url);
  const backup = path.join(newHubDataDir(), 'backup.sqlite');
  runHubCommand(['backup', '--to', backup, '--data', hub.dataDir]);
  expect(existsSync(backup)).toBe(true);
  const epochBefore = (await health(hub.url)).hub.epoch;
  await advanceHub(hub.url, 5);
  await console.call<SyncStatus>('syncNow');
  const putBack = async (how: (backup: string, dataDir: string) => void) => {
    const dataDir = hub.dataDir;
    await hub.stop();
    how(backup, dataDir);
    hub = await restartHub(dataDir);
    return hub;
  };
  return { console, epochBefore, putBack };
}

async function health(url: string): Promise<HealthResponse> {
  return (await (await fetch(`${url}/api/v1/health`)).json()) as HealthResponse;
}

describe('hub identity and restores', () => {
  it('starts over after `hub restore` although the restored hub has moved past the old cursor, keeping the unsent change', async () => {
    const { console, putBack } = await syncedPastABackup();
    const hub = await putBack((backup, dataDir) => {
      const restored = JSON.parse(runHubCommand(['restore', '--from', backup, '--data', dataDir]).trim()) as { previousStoreKeptAs: string };
      expect(existsSync(restored.previousStoreKeptAs)).toBe(true);
    });
    await advanceHub(hub.url, 30); // the restored hub's change numbers pass the console's cursor
    const unsent = await queueLocalChange(console);

    const status = await console.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ connection: 'online', lastError: null, pendingCount: 0, refusedCount: 0, initialSync: null });
    expect(status.lastStartOver?.reason).toBe('restored');
    expect(await hubBookingStatus(hub.url, unsent)).toBe('traveling');
    expectReplicaMatchesHub(console, await hubLiveRows(hub.url));
  });

  it('starts over when the store file was copied back from a backup: the hub notices it is behind its lineage and starts a new epoch', async () => {
    const { console, epochBefore, putBack } = await syncedPastABackup();
    const hub = await putBack(copyBackOver);
    expect((await health(hub.url)).hub.epoch).not.toBe(epochBefore);
    await advanceHub(hub.url, 30);

    const status = await console.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ connection: 'online', lastError: null });
    expect(status.lastStartOver?.reason).toBe('restored');
    expectReplicaMatchesHub(console, await hubLiveRows(hub.url));
  });

  it('starts over when the hub has never reached its cursor (restored without a lineage record) instead of retrying forever', async () => {
    const { console, epochBefore, putBack } = await syncedPastABackup();
    const hub = await putBack((backup, dataDir) => {
      rmSync(path.join(dataDir, 'hub.lineage.json'));
      copyBackOver(backup, dataDir);
    });
    expect((await health(hub.url)).hub.epoch, 'nothing told the hub it was restored').toBe(epochBefore);
    const unsent = await queueLocalChange(console);

    const status = await console.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ connection: 'online', lastError: null, pendingCount: 0 });
    expect(status.lastStartOver?.reason).toBe('cursor_ahead');
    expect(await hubBookingStatus(hub.url, unsent)).toBe('traveling');
    expectReplicaMatchesHub(console, await hubLiveRows(hub.url));
  });

  it('starts over when another hub answers at the same address', async () => {
    let hub = await demoHub();
    const { console, proxy } = await consoleBehindProxy(() => hub.url);
    await connect(console, proxy.url);
    await advanceHub(hub.url, 3);
    hub = await demoHub();
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
    const hub = await demoHub();
    const { console, proxy } = await consoleBehindProxy(() => hub.url);
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
    const hub = await demoHub();
    const cursors: number[] = [];
    let snapshots = 0;
    let cutAfter = 4;
    const gate: ProxyGate = ({ url }) => {
      if (url.startsWith('/api/v1/sync/snapshot')) return ++snapshots === 1 ? 'cut' : 'forward';
      if (!url.startsWith('/api/v1/sync/pull')) return 'forward';
      cursors.push(Number(new URL(url, 'http://x').searchParams.get('cursor')));
      return cursors.length > cutAfter ? 'cut' : 'forward';
    };
    const { console, proxy } = await consoleBehindProxy(() => hub.url, { pageSize: 500, gate });
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
