import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import type { BoardData, RunMutationResponse, SyncStatus } from '../../../shared/contract/ipc-contract';
import { startDemoHub, startHub, type HubProcess } from '../support/hub-process';
import { connect, firstRow, startTestConsole, waitFor, type TestConsole } from './support/console';

let hub: HubProcess;
let console: TestConsole;
beforeAll(async () => {
  hub = await startDemoHub();
  console = startTestConsole({ seedDemo: false });
  await connect(console, hub.url);
});
afterAll(async () => {
  console?.close();
  await hub?.stop();
});

describe('offline', () => {
  it('keeps reads working, queues writes with a pending count, and drains the queue when the hub is back', async () => {
    await hub.stop();
    const day = new Date(firstRow<{ s: number }>(console, "SELECT MIN(start_ms) AS s FROM bookings WHERE status = 'scheduled'").s).toISOString().slice(0, 10);
    const board = await console.call<BoardData>('getBoard', { date: day, timeZone: 'UTC' });
    expect(board.bookings.length).toBeGreaterThan(0);

    const ids = console.services.db.prepare("SELECT id FROM bookings WHERE status = 'scheduled' ORDER BY start_ms LIMIT 3").pluck().all() as string[];
    const answers: RunMutationResponse[] = [];
    for (const id of ids) {
      const booking = readEntity(console.services.db, 'booking', id)!;
      answers.push(await console.call<RunMutationResponse>('runMutation', { name: 'setBookingStatus', args: { bookingId: id, expectedVersion: booking.version, status: 'traveling' } }));
      expect(readEntity(console.services.db, 'booking', id)).toMatchObject({ status: 'traveling' });
    }
    expect(answers.every((a) => a.queued && a.outcome.status === 'applied')).toBe(true);
    // A hub that is shutting down may first answer 503 (as an instance behind a load balancer does); then it is unreachable.
    const unreachable = () => console.services.sync.status().connection === 'offline' && /reach the hub/.test(console.services.sync.status().lastError ?? '');
    await waitFor(unreachable, 'the console to notice the hub is gone');
    const offline = await console.call<SyncStatus>('getSyncStatus');
    expect(offline).toMatchObject({ connection: 'offline', pendingCount: 3, refusedCount: 0, lastError: expect.stringMatching(/reach the hub/) });
    expect(console.events.some((e) => e.type === 'sync-status' && e.status.connection === 'offline')).toBe(true);

    hub = await startHub({ dataDir: hub.dataDir, port: hub.port });
    await waitFor(() => console.services.sync.status().pendingCount === 0, 'the queue to drain after the hub came back');
    await waitFor(() => console.services.sync.status().connection === 'online', 'the console to be online again');
    for (const id of ids) expect(readEntity(console.services.db, 'booking', id)).toMatchObject({ status: 'traveling', version: expect.any(Number) });
    expect(console.services.db.prepare('SELECT COUNT(*) FROM shadow').pluck().get()).toBe(0);
    expect((await console.call<SyncStatus>('getSyncStatus')).refusedCount).toBe(0);
  });
});
