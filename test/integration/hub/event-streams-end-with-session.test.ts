import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken, newSessionToken } from '../../../server/auth/session-token';
import { buildHubApp } from '../../../server/http/build-hub-app';
import type { HubStore } from '../../../server/store/hub-store';
import { openHubStore } from '../../../server/store/open-hub-store';
import { storeLocation } from '../../support/hub-test-engine';
import { createUser } from '../../../server/users/create-user';
import type { Booking } from '../../../shared/domain/entities';
import { api, pullAll, push, rowsOf, signIn, startHub, type RunningHub } from './hub-process';

/** Reads an event stream until it ends or `withinMs` pass; answers which, and what arrived. */
async function watch(url: string, token: string) {
  const response = await fetch(`${url}/api/v1/sync/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    /** 'ended' when the hub closed the stream within `withinMs`, else 'open'. */
    async until(withinMs: number, stopAt?: string): Promise<{ state: 'ended' | 'open'; text: string }> {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0 || (stopAt && text.includes(stopAt))) return { state: 'open', text };
        const next = await Promise.race([reader.read(), new Promise<'wait'>((resolve) => setTimeout(() => resolve('wait'), left))]);
        if (next === 'wait') return { state: 'open', text };
        if (next.done) return { state: 'ended', text };
        text += next.value;
      }
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}

describe('event streams end with their session', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('closes every stream of a session that signs out at once, and only those', async () => {
    const signedOut = await signIn(hub);
    const other = await signIn(hub);
    const first = await watch(hub.url, signedOut);
    const second = await watch(hub.url, signedOut);
    const kept = await watch(hub.url, other);
    expect((await api(hub, '/api/v1/auth/sign-out', { token: signedOut, method: 'POST' })).status).toBe(200);
    expect((await first.until(3_000)).state).toBe('ended');
    expect((await second.until(3_000)).state).toBe('ended');

    const { rows } = await pullAll(hub, other);
    const booking = rowsOf<Booking>(rows, 'booking').find((b) => b.status === 'scheduled')!;
    const pushed = await push(hub, other, [{ id: randomUUID(), name: 'cancelBooking', args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: 'weather' } }]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    const stillThere = await kept.until(5_000, 'event: change');
    expect(stillThere.state).toBe('open');
    expect(stillThere.text).toContain('event: change');
    await kept.close();
  });
});

describe('event streams of sessions that end without a sign-out here', () => {
  let folder: string;
  let store: HubStore;
  let app: ReturnType<typeof buildHubApp>;
  let url: string;
  let userId: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dd-hub-expiry-'));
    store = await openHubStore(storeLocation(folder));
    // Heartbeats (and the session checks that go with them) every 300 ms instead of 15 s.
    app = buildHubApp(store, { version: 'test', eventHeartbeatMs: 300 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    userId = (await createUser(store, { email: 'eve@example.com', name: 'Eve', role: 'dispatcher', password: 'a-long-enough-password' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function session(expiresInMs: number): Promise<string> {
    const token = newSessionToken();
    const now = Date.now();
    await store.transaction((tx) => tx.insertSession({ tokenHash: hashSessionToken(token), userId, createdAt: now, expiresAt: now + expiresInMs }));
    return token;
  }

  it('closes a stream when its session expires', async () => {
    const now = Date.now();
    const token = await session(1_500);
    const stream = await watch(url, token);
    const outcome = await stream.until(6_000);
    expect(outcome.state).toBe('ended');
    expect(Date.now()).toBeGreaterThanOrEqual(now + 1_500);
    // And the console that reconnects is told why.
    const again = await fetch(`${url}/api/v1/sync/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringMatching(/expired or was signed out/) } });
  });

  it('closes a stream at the next heartbeat when its session was removed elsewhere (another hub instance signed it out)', async () => {
    const token = await session(3_600_000);
    const stream = await watch(url, token);
    expect((await stream.until(1_000, ': heartbeat')).text).toContain(': heartbeat');
    await store.transaction((tx) => tx.deleteSession(hashSessionToken(token)));
    expect((await stream.until(3_000)).state).toBe('ended');
  });
});
