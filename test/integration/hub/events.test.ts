import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../../shared/contract/hub-http';
import type { Booking } from '../../../shared/domain/entities';
import { api, pullAll, push, rowsOf, signIn, startHub, type RunningHub } from './hub-process';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

/** Reads the stream until an `event: change` arrives; answers its data. */
async function nextChange(body: ReadableStream<Uint8Array>): Promise<{ latest: number }> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before a change: ${buffer}`);
    buffer += value;
    const match = /event: change\ndata: (.+)\n\n/.exec(buffer);
    if (match?.[1]) {
      await reader.cancel();
      return JSON.parse(match[1]) as { latest: number };
    }
  }
}

describe('hub change events', () => {
  it('refuses the stream without a token', async () => {
    expect((await fetch(`${hub.url}/api/v1/sync/events`)).status).toBe(401);
  });

  it('sends an event: change with a larger latest after a push changes rows', async () => {
    const token = await signIn(hub);
    const { rows } = await pullAll(hub, token);
    const booking = rowsOf<Booking>(rows, 'booking').find((b) => b.status === 'scheduled');
    if (!booking) throw new Error('no scheduled booking in the demo');
    const before = (await api<HealthResponse>(hub, '/api/v1/health')).body.latestChange;
    const stream = await fetch(`${hub.url}/api/v1/sync/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const change = nextChange(stream.body!);
    const pushed = await push(hub, token, [
      { id: randomUUID(), name: 'cancelBooking', args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: 'weather' } },
    ]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    expect((await change).latest).toBeGreaterThan(before);
  });
});
