import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, HttpErrorBody, PushResponse } from '../../../shared/contract/hub-http';
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

  it('answers poison mutations one by one (inherited names, dates beyond any calendar, deep nesting) and applies the good ones around them', async () => {
    const before = nextBooking();
    const after = nextBooking();
    // 5,000 levels: built as text, since JSON.stringify itself cannot go that deep.
    const deepArgs = `${'{"inner":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const poison = [
      ...['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'x'.repeat(300)].map((name) => ({ id: randomUUID(), name, args: {} })),
      { id: randomUUID(), name: 'moveBooking', args: { bookingId: after.id, expectedVersion: after.version, start: 8.64e15 } },
      { id: randomUUID(), name: 'moveBooking', args: { bookingId: after.id, expectedVersion: after.version, start: -1 } },
      { id: randomUUID(), name: 'cancelBooking', args: 'DEEP' },
    ];
    const body = JSON.stringify({ mutations: [cancel(before), ...poison, cancel(after)] }).replace('"DEEP"', deepArgs);
    const response = await fetch(`${hub.url}/api/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    const answer = { status: response.status, body: (await response.json()) as PushResponse };
    expect(answer.status).toBe(200);
    const codes = answer.body.results.map((r) => (r.status === 'applied' ? 'applied' : r.code));
    expect(codes).toEqual(['applied', ...Array(6).fill('unknown_mutation'), 'invalid_args', 'invalid_args', 'invalid_args', 'applied']);
    const reasons = answer.body.results.flatMap((r) => (r.status === 'refused' ? [r.reason] : []));
    expect(reasons[0]).toBe('There is no mutation "constructor".');
    expect(reasons[6]).toMatch(/start: must be before the year 2100/);
    expect(reasons[7]).toMatch(/start: must not be before the year 2000/);
    expect(reasons[8]).toMatch(/nested more than 16 levels/);
    // Refused for their envelope, never attempted: the same id can still be used.
    const health = await api<HealthResponse>(hub, '/api/v1/health');
    expect(health.status).toBe(200);
  });
});
