import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../../shared/domain/entities';
import { rawExchange } from '../support/raw-http';
import { ADMIN, pullAll, push, rowsOf, signIn, startHub, type RunningHub } from './hub-process';

/** A hub with short timeouts (1 s for headers, 2 s for the whole request) against clients that send too slowly. */

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub(['--headers-timeout', '1', '--request-timeout', '2']);
});
afterAll(async () => {
  await hub?.stop();
});

const signInBody = JSON.stringify({ email: ADMIN.email, password: ADMIN.password });
const signInHead = `POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(signInBody)}\r\nConnection: close\r\n\r\n`;

describe('hub request timeouts', () => {
  it('answers a body trickling in one byte at a time with 408 in the documented format and closes the connection', async () => {
    const answer = await rawExchange({ port: hub.port, head: signInHead, trickle: [...signInBody], trickleMs: 700, timeoutMs: 10_000 });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'request_timeout', message: expect.stringMatching(/did not arrive in time/) } });
    expect(answer.closed).toBe(true);
    // Cut off at the 2 s request timeout (checked every 250 ms here), not before.
    expect(answer.answeredAfterMs).toBeGreaterThanOrEqual(1_900);
    expect(answer.answeredAfterMs).toBeLessThan(5_000);
  });

  it('answers headers trickling in with 408 after the headers timeout', async () => {
    const answer = await rawExchange({ port: hub.port, head: 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n', trickle: [...`X-Slow: ${'z'.repeat(40)}`], trickleMs: 200 });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'request_timeout' } });
    expect(answer.answeredAfterMs).toBeGreaterThanOrEqual(900);
    expect(answer.answeredAfterMs).toBeLessThan(4_000);
  });

  it('still serves a body that arrives in pieces within the timeout', async () => {
    const pieces = [signInBody.slice(0, 20), signInBody.slice(20, 40), signInBody.slice(40)];
    const answer = await rawExchange({ port: hub.port, head: signInHead, trickle: pieces, trickleMs: 300 });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ user: { email: ADMIN.email } });
  });

  it('keeps an event stream open past the request timeout: only the request has to arrive in time', async () => {
    const token = await signIn(hub);
    const stream = await fetch(`${hub.url}/api/v1/sync/events`, { headers: { authorization: `Bearer ${token}` } });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const { rows } = await pullAll(hub, token);
    const booking = rowsOf<Booking>(rows, 'booking').find((b) => b.status === 'scheduled')!;
    const pushed = await push(hub, token, [{ id: randomUUID(), name: 'cancelBooking', args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: 'weather' } }]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    let seen = '';
    while (!seen.includes('event: change')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended: ${seen}`);
      seen += value;
    }
    await reader.cancel();
  });
});
