import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../../shared/contract/hub-http';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import { newHubDataDir, runHubCommand, type HubProcess } from '../support/hub-process';
import { connect, expectReplicaMatchesHub, hubLiveRows, type TestConsole } from './support/console';
import { advanceHub } from './support/hub-changes';
import { consoleBehindProxy, demoHub, hubBookingStatus, queueLocalChange, restartHub, type Cleanup } from './support/proxied-hub';

/**
 * A console must know which life of its hub it mirrors: a SQLite hub restored from an older
 * backup, or a store put back by copying a file, makes it download everything again — keeping
 * what it has not sent — instead of retrying forever or skipping rows silently. (Another hub at
 * the same address and "Re-download everything": start-over.test.ts, on both engines.)
 */
const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

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
  let hub = await demoHub(cleanup);
  const { console, proxy } = await consoleBehindProxy(cleanup, () => hub.url);
  await connect(console, proxy.url);
  const backup = path.join(newHubDataDir(), 'backup.sqlite');
  runHubCommand(['backup', '--to', backup, '--data', hub.dataDir]);
  expect(existsSync(backup)).toBe(true);
  const epochBefore = (await health(hub.url)).hub.epoch;
  await advanceHub(hub.url, 5);
  // The console must really hold the changes after the backup (on a busy machine one sync may time out).
  for (let tries = 0; (await console.call<SyncStatus>('syncNow')).connection !== 'online'; tries++) expect(tries, 'the console syncs past the backup').toBeLessThan(5);
  const putBack = async (how: (backup: string, dataDir: string) => void) => {
    const dataDir = hub.dataDir;
    await hub.stop();
    how(backup, dataDir);
    hub = await restartHub(cleanup, dataDir);
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
});
