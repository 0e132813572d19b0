import { afterEach, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../../shared/contract/hub-http';
import type { RunMutationResponse, SyncStatus } from '../../../shared/contract/ipc-contract';
import { connect, expectReplicaMatchesHub, hubLiveRows, startTestConsole, type TestConsole } from '../console-sync/support/console';
import { advanceHub, hubBookings } from '../console-sync/support/hub-changes';
import { startHubDeployment, type HubDeployment } from '../support/hub-deployment';
import { runHubCommand } from '../support/hub-process';
import { storeArgs } from '../../support/hub-test-engine';

/**
 * PostgreSQL has no sidecar file to notice a restore by, so the operator's procedure after
 * pg_restore is `hub new-epoch` (docs/hub.md). A console that synced past the backup then
 * downloads everything again and keeps the change it had not sent, and a console connected
 * while the epoch changes hears of it at once.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function health(url: string): Promise<HealthResponse> {
  return (await (await fetch(`${url}/api/v1/health`)).json()) as HealthResponse;
}

async function syncedConsole(deployment: HubDeployment, client: number): Promise<TestConsole> {
  const console = startTestConsole({ seedDemo: false, manualSync: true });
  cleanup.push(() => console.close());
  await connect(console, deployment.urlFor(client));
  return console;
}

describe('restoring a PostgreSQL hub', () => {
  it('starts consoles over after pg_restore and `hub new-epoch`, keeping their unsent change', async () => {
    const deployment = await startHubDeployment({ demo: true });
    cleanup.push(() => deployment.stop());
    const console = await syncedConsole(deployment, 1);
    const backup = await deployment.backup();
    const epochBefore = (await health(deployment.urlFor(0))).hub.epoch;
    await advanceHub(deployment.urlFor(0), 5);
    // The console must really hold the changes after the backup (on a busy machine one sync may time out).
    for (let tries = 0; (await console.call<SyncStatus>('syncNow')).connection !== 'online'; tries++) expect(tries, 'the console syncs past the backup').toBeLessThan(5);

    await deployment.restore(backup);
    expect((await health(deployment.urlFor(1))).hub.epoch).not.toBe(epochBefore);
    await advanceHub(deployment.urlFor(0), 30); // the restored store's change numbers pass the console's cursor
    const booking = console.services.db.prepare("SELECT id, version FROM bookings WHERE status = 'scheduled' ORDER BY start_ms DESC LIMIT 1").get() as { id: string; version: number };
    const unsent = await console.call<RunMutationResponse>('runMutation', { name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } });
    expect(unsent).toMatchObject({ queued: true, outcome: { status: 'applied' } });

    const status = await console.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ connection: 'online', lastError: null, pendingCount: 0, refusedCount: 0 });
    expect(status.lastStartOver?.reason).toBe('restored');
    expect((await hubBookings(deployment.urlFor(0))).get(booking.id)?.status).toBe('traveling');
    expectReplicaMatchesHub(console, await hubLiveRows(deployment.urlFor(1)));
    // Two hub instances, pg_dump and pg_restore, two full downloads: ~12 s alone, 30 s on a busy machine.
  }, 90_000);

  it('tells a connected console about a new epoch at once, through whichever instance its event stream is on', async () => {
    const deployment = await startHubDeployment({ demo: true });
    cleanup.push(() => deployment.stop());
    const console = startTestConsole({ seedDemo: false });
    cleanup.push(() => console.close());
    await connect(console, deployment.urlFor(1));
    const epochBefore = (await health(deployment.urlFor(1))).hub.epoch;
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the console's event stream open
    const answer = JSON.parse(runHubCommand(['new-epoch', ...storeArgs(deployment.dataDir)]).trim()) as { event: string; epoch: string };
    expect(answer).toMatchObject({ event: 'new-epoch', epoch: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(answer.epoch).not.toBe(epochBefore);
    const deadline = Date.now() + 10_000;
    while (console.services.sync.status().lastStartOver?.reason !== 'restored' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(console.services.sync.status().lastStartOver?.reason).toBe('restored');
  });
});
