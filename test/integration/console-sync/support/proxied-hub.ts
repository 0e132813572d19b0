import { expect } from 'vitest';
import type { RunMutationResponse } from '../../../../shared/contract/ipc-contract';
import { seededRandom } from '../../../../shared/random/seeded-random';
import { startFaultProxy, type FaultProxy, type ProxyGate } from '../../support/fault-proxy';
import { createAdmin, newHubDataDir, startHub, type HubProcess } from '../../support/hub-process';
import { startTestConsole, type TestConsole } from './console';
import { hubBookings } from './hub-changes';

/** Hubs and consoles for start-over tests; each helper registers its own clean-up in `cleanup` (run in reverse). */
export type Cleanup = (() => Promise<void> | void)[];

export async function demoHub(cleanup: Cleanup, dataDir = newHubDataDir()): Promise<HubProcess> {
  createAdmin(dataDir);
  const hub = await startHub({ dataDir, demo: true });
  cleanup.push(() => hub.stop());
  return hub;
}

export async function restartHub(cleanup: Cleanup, dataDir: string): Promise<HubProcess> {
  const hub = await startHub({ dataDir });
  cleanup.push(() => hub.stop());
  return hub;
}

/** A console reaching the hub through a proxy, so the hub behind one address can be swapped. */
export async function consoleBehindProxy(cleanup: Cleanup, target: () => string, options: { pageSize?: number; gate?: ProxyGate } = {}): Promise<{ console: TestConsole; proxy: FaultProxy }> {
  const proxy = await startFaultProxy(target, seededRandom(1), { delay: 0, duplicate: 0, dropResponse: 0 }, options.gate);
  const console = startTestConsole({ seedDemo: false, manualSync: true, ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
  cleanup.push(() => proxy.close());
  cleanup.push(() => console.close());
  return { console, proxy };
}

/** Queues a change in the console (not yet sent): the latest scheduled booking goes traveling. */
export async function queueLocalChange(console: TestConsole): Promise<string> {
  const booking = console.services.db.prepare("SELECT id, version FROM bookings WHERE status = 'scheduled' ORDER BY start_ms DESC LIMIT 1").get() as { id: string; version: number };
  const answer = await console.call<RunMutationResponse>('runMutation', { name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } });
  expect(answer).toMatchObject({ queued: true, outcome: { status: 'applied' } });
  return booking.id;
}

export async function hubBookingStatus(url: string, bookingId: string): Promise<string | undefined> {
  return (await hubBookings(url)).get(bookingId)?.status;
}
