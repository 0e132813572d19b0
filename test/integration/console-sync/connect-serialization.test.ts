import { afterAll, describe, expect, it } from 'vitest';
import { readSyncState } from '../../../electron/main/db/queries/sync-state-queries';
import type { HealthResponse } from '../../../shared/contract/hub-http';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import { seededRandom } from '../../../shared/random/seeded-random';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startDemoHub, type HubProcess } from '../support/hub-process';
import { advanceHub } from './support/hub-changes';
import { connect, expectReplicaMatchesHub, hubLiveRows, startTestConsole, waitFor, type TestConsole } from './support/console';

const hubs: HubProcess[] = [];
const proxies: FaultProxy[] = [];
const consoles: TestConsole[] = [];
afterAll(async () => {
  consoles.forEach((c) => c.close());
  for (const p of proxies) await p.close();
  for (const h of hubs) await h.stop();
});

describe('connect while a sync is in flight', () => {
  it('connecting to another hub while a pull from the old one hangs writes only the new hub\'s rows and cursor', async () => {
    const [oldHub, newHub] = await Promise.all([startDemoHub(), startDemoHub()]);
    hubs.push(oldHub, newHub);
    let held: (() => void) | undefined;
    let holding = false;
    const proxy = await startFaultProxy(() => oldHub.url, seededRandom(3), { delay: 0, duplicate: 0, dropResponse: 0 }, ({ url }) =>
      holding && url.startsWith('/api/v1/sync/pull') ? new Promise((resolve) => (held = () => resolve('forward'))) : 'forward',
    );
    proxies.push(proxy);
    const console = startTestConsole({ seedDemo: false, manualSync: true });
    consoles.push(console);
    await connect(console, proxy.url);
    await advanceHub(oldHub.url, 20); // the old hub's bookings now differ from the new one's

    holding = true;
    const inFlight = console.call<SyncStatus>('syncNow');
    await waitFor(() => held !== undefined, 'the old hub\'s pull to be held');
    // Released later whatever happens, so a console that waits for it still finishes (and fails the checks).
    const release = setTimeout(() => held?.(), 1_000);
    const connected = await connect(console, newHub.url);
    await inFlight;
    clearTimeout(release);
    held?.();

    expect(connected).toMatchObject({ connection: 'online', lastError: null, hubUrl: newHub.url });
    const identity = ((await (await fetch(`${newHub.url}/api/v1/health`)).json()) as HealthResponse).hub;
    expect(readSyncState(console.services.db).hub).toEqual(identity);
    expect((await console.call<SyncStatus>('getSyncStatus')).connection).toBe('online');
    expectReplicaMatchesHub(console, await hubLiveRows(newHub.url));
  });
});
