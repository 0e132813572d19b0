import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, HttpErrorBody } from '../../../shared/contract/hub-http';
import type { Booking } from '../../../shared/domain/entities';
import { api, pullAll, push, rowsOf, signIn, startHub, type RunningHub } from './hub-process';

let hub: RunningHub;
let token: string;
let scheduled: Booking[];
beforeAll(async () => {
  hub = await startHub();
  token = await signIn(hub);
  const { rows } = await pullAll(hub, token);
  scheduled = rowsOf<Booking>(rows, 'booking').filter((b) => b.status === 'scheduled');
});
afterAll(async () => {
  await hub?.stop();
});

/** Takes a different scheduled demo booking for each test. */
function nextBooking(): Booking {
  const booking = scheduled.shift();
  if (!booking) throw new Error('the demo has no scheduled booking left');
  return booking;
}

const cancel = (booking: Booking, expectedVersion = booking.version, id: string = randomUUID()) => ({
  id,
  name: 'cancelBooking',
  args: { bookingId: booking.id, expectedVersion, reasonCode: 'customer-request', note: 'called to cancel' },
});

async function latest(): Promise<number> {
  return (await api<HealthResponse>(hub, '/api/v1/health')).body.latestChange;
}

describe('hub push', () => {
  it('applies a mutation whose change appears in the next pull with a higher version', async () => {
    const booking = nextBooking();
    const before = await latest();
    const envelope = cancel(booking);
    const answer = await push(hub, token, [envelope]);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([{ id: envelope.id, status: 'applied' }]);
    const { rows } = await pullAll(hub, token, before);
    const change = rows.get(`booking/${booking.id}`);
    expect(change?.version).toBe(booking.version + 1);
    expect(change?.data).toMatchObject({ status: 'canceled', cancellationReasonCode: 'customer-request', version: booking.version + 1 });
    expect(rowsOf<{ entityId: string; action: string }>(rows, 'audit')).toContainEqual(expect.objectContaining({ entityId: booking.id, action: 'status:canceled' }));
  });

  it('refuses a stale expectedVersion with version_conflict and the current row, writing nothing', async () => {
    const booking = nextBooking();
    const before = await latest();
    const answer = await push(hub, token, [cancel(booking, booking.version + 3)]);
    const [result] = answer.body.results;
    expect(result).toMatchObject({ status: 'refused', code: 'version_conflict', current: { entity: 'booking', id: booking.id } });
    expect(result?.status === 'refused' && (result.current?.row as Booking).version).toBe(booking.version);
    expect(await latest()).toBe(before);
  });

  it('answers the same envelope pushed twice with the same outcome and applies it once', async () => {
    const booking = nextBooking();
    const envelope = cancel(booking);
    const first = await push(hub, token, [envelope]);
    const second = await push(hub, token, [envelope]);
    const inOnePush = await push(hub, token, [envelope, envelope]);
    expect(second.body).toEqual(first.body);
    expect(inOnePush.body.results).toEqual([first.body.results[0], first.body.results[0]]);
    const { rows } = await pullAll(hub, token);
    expect(rows.get(`booking/${booking.id}`)?.version).toBe(booking.version + 1);
  });

  it('answers the same refusal again for a retried refused envelope', async () => {
    const booking = nextBooking();
    const envelope = cancel(booking, booking.version + 9);
    const first = await push(hub, token, [envelope]);
    const again = await push(hub, token, [envelope]);
    expect(again.body).toEqual(first.body);
  });

  it('refuses an id reused with other arguments as invalid_args', async () => {
    const id = randomUUID();
    const booking = nextBooking();
    await push(hub, token, [cancel(booking, booking.version, id)]);
    const other = nextBooking();
    const answer = await push(hub, token, [cancel(other, other.version, id)]);
    expect(answer.body.results[0]).toEqual({ id, status: 'refused', code: 'invalid_args', reason: `mutation id ${id} was already used with other arguments` });
  });

  it('refuses an unknown mutation name as unknown_mutation', async () => {
    const answer = await push(hub, token, [{ id: randomUUID(), name: 'teleportTechnician', args: {} }]);
    expect(answer.body.results[0]).toMatchObject({ status: 'refused', code: 'unknown_mutation' });
  });

  it('refuses invalid arguments as invalid_args naming the field', async () => {
    const answer = await push(hub, token, [{ id: randomUUID(), name: 'cancelBooking', args: { bookingId: 'b', expectedVersion: -1, reasonCode: 'x' } }]);
    expect(answer.body.results[0]).toMatchObject({ status: 'refused', code: 'invalid_args' });
    expect(answer.body.results[0]?.status === 'refused' && answer.body.results[0].reason).toMatch(/expectedVersion/);
  });

  it('answers each envelope of a push in order', async () => {
    const a = nextBooking();
    const b = nextBooking();
    const answer = await push(hub, token, [cancel(a), cancel(b, b.version + 1), cancel(a)]);
    expect(answer.body.results.map((r) => (r.status === 'applied' ? 'applied' : r.code))).toEqual(['applied', 'version_conflict', 'version_conflict']);
  });

  it.each([
    ['mutations is not an array', { mutations: { id: randomUUID() } }, 'mutations'],
    ['an envelope has no id', { mutations: [{ name: 'cancelBooking', args: {} }] }, 'mutations.0.id'],
    ['an id is not a UUID', { mutations: [{ id: 'not-a-uuid', name: 'cancelBooking', args: {} }] }, 'mutations.0.id'],
    ['the body is a bare array', [{ id: randomUUID(), name: 'cancelBooking', args: {} }], '(whole)'],
  ])('answers 400 naming the field when %s', async (_case, body, path) => {
    const answer = await api<HttpErrorBody>(hub, '/api/v1/sync/push', { token, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.issues?.map((i) => i.path)).toContain(path);
    expect(answer.body.error.message).toContain(path);
  });
});
