import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import type { RunMutationResponse, SyncStatus } from '../../../shared/contract/ipc-contract';
import { startDemoHub, type HubProcess } from '../support/hub-process';
import { connect, startTestConsole, waitFor, type TestConsole } from './support/console';

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

describe('event stream and sign-out', () => {
  it("pulls on the hub's change event without waiting for the timer (60 s in tests)", async () => {
    const id = b.services.db.prepare("SELECT id FROM bookings WHERE status = 'scheduled' ORDER BY start_ms LIMIT 1").pluck().get() as string;
    const booking = readEntity(a.services.db, 'booking', id)!;
    await new Promise((resolve) => setTimeout(resolve, 300)); // let B's event stream open
    const seen = b.events.length;
    // A's write is pushed at once (the write nudges sync); B hears the hub's 'change' event and pulls.
    await a.call('runMutation', { name: 'setBookingStatus', args: { bookingId: id, expectedVersion: booking.version, status: 'traveling' } });
    await waitFor(() => readEntity(b.services.db, 'booking', id)?.status === 'traveling', 'B to pull the change after the event');
    expect(b.events.slice(seen).some((e) => e.type === 'data-changed' && e.entities.includes('booking'))).toBe(true);
  });

  it('a change made while the event stream is still opening reaches the console once it opens, not at the next timer', async () => {
    // The hub's events reach C only after a pause: a change made in that pause sends C no event.
    const slow = await eventsHeldProxy(hub.url, 1_500);
    const c = startTestConsole({ seedDemo: false });
    try {
      await connect(c, slow.url);
      const id = c.services.db.prepare("SELECT id FROM bookings WHERE status = 'scheduled' ORDER BY start_ms DESC LIMIT 1 OFFSET 3").pluck().get() as string;
      const booking = readEntity(a.services.db, 'booking', id)!;
      await a.call('runMutation', { name: 'setBookingStatus', args: { bookingId: id, expectedVersion: booking.version, status: 'traveling' } });
      await waitFor(() => readEntity(a.services.db, 'booking', id)?.version === booking.version + 1, 'A to have pushed its change');
      await waitFor(() => readEntity(c.services.db, 'booking', id)?.status === 'traveling', 'C to pull the change once its event stream opened', 10_000);
    } finally {
      c.close();
      await slow.close();
    }
  });

  it('signs out on disconnect, keeps the data, and keeps queueing writes until signed in again', async () => {
    const before = b.services.db.prepare('SELECT COUNT(*) FROM bookings').pluck().get();
    const status = await b.call<SyncStatus>('disconnectHub');
    expect(status).toMatchObject({ mode: 'hub', connection: 'signed_out', hubUrl: hub.url });
    expect(b.services.db.prepare('SELECT COUNT(*) FROM bookings').pluck().get()).toBe(before);
    expect(b.services.db.prepare('SELECT auth_token FROM sync_state').pluck().get()).toBeNull();
    const id = b.services.db.prepare("SELECT id FROM bookings WHERE status = 'scheduled' ORDER BY start_ms DESC LIMIT 1").pluck().get() as string;
    const booking = readEntity(b.services.db, 'booking', id)!;
    const answer = await b.call<RunMutationResponse>('runMutation', { name: 'setBookingStatus', args: { bookingId: id, expectedVersion: booking.version, status: 'traveling' } });
    expect(answer.queued).toBe(true);
    expect((await b.call<SyncStatus>('syncNow')).pendingCount).toBe(1);
    const again = await connect(b, hub.url);
    expect(again).toMatchObject({ connection: 'online', pendingCount: 0, refusedCount: 0 });
    expect(readEntity(b.services.db, 'booking', id)).toMatchObject({ status: 'traveling', version: booking.version + 1 });
  });
});

/** Forwards everything to the hub, but holds each event-stream request for `holdMs` first. */
async function eventsHeldProxy(target: string, holdMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const forward = () => {
      const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (req.url?.includes('/sync/events')) setTimeout(forward, holdMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
