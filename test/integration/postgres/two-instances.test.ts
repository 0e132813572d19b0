import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../../shared/contract/hub-http';
import type { Booking, Resource, WorkOrder } from '../../../shared/domain/entities';
import type { RowChange } from '../../../shared/sync/synced-entities';
import { startHubDeployment, type HubDeployment } from '../support/hub-deployment';
import { ADMIN } from '../support/hub-process';

/**
 * Two hub instances on one PostgreSQL database, as behind a load balancer: any instance serves
 * any request (sessions live in the database), the database keeps the invariants when clients
 * race through both, and a change made through one reaches event streams on the other.
 */
let deployment: HubDeployment;
let token: string;
beforeAll(async () => {
  deployment = await startHubDeployment({ demo: true });
  expect(deployment.instances).toHaveLength(2);
  token = await signIn(deployment.urlFor(0));
});
afterAll(async () => {
  await deployment?.stop();
});

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function call<T>(url: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function pullEverything(url: string): Promise<Map<string, RowChange>> {
  const rows = new Map<string, RowChange>();
  let cursor = 0;
  for (;;) {
    const page = await call<PullResponse>(url, `/api/v1/sync/pull?cursor=${cursor}&limit=5000`);
    expect(page.status).toBe(200);
    for (const change of page.body.changes) rows.set(`${change.entity}/${change.id}`, change);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return rows;
  }
}

const live = <T>(rows: Map<string, RowChange>, entity: RowChange['entity']) => [...rows.values()].filter((r) => r.entity === entity && !r.deleted).map((r) => r.data as T);
const push = (url: string, mutations: unknown[]) => call<PushResponse>(url, '/api/v1/sync/push', { mutations });

describe('two hub instances on one PostgreSQL database', () => {
  it('serve one session: a token from instance A works on instance B, and sign-out on B ends it on A', async () => {
    const session = await signIn(deployment.urlFor(0));
    const onB = await fetch(`${deployment.urlFor(1)}/api/v1/sync/pull?cursor=0&limit=1`, { headers: { authorization: `Bearer ${session}` } });
    expect(onB.status).toBe(200);
    const out = await fetch(`${deployment.urlFor(1)}/api/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' }, body: '{}' });
    expect(out.status).toBe(200);
    const onA = await fetch(`${deployment.urlFor(0)}/api/v1/sync/pull?cursor=0&limit=1`, { headers: { authorization: `Bearer ${session}` } });
    expect(onA.status).toBe(401);
  });

  it('book exactly one of 100 clients racing through both instances for the last free slot; the others are told double_booking', async () => {
    const rows = await pullEverything(deployment.urlFor(0));
    const technician = live<Resource>(rows, 'resource')[0]!;
    const account = live<{ id: string }>(rows, 'account')[0]!;
    const incidentType = live<{ id: string }>(rows, 'incidentType')[0]!;
    const created = Array.from({ length: 100 }, (_, i) => ({ id: randomUUID(), name: 'createWorkOrder', args: { workOrderId: `wo-race-${i}`, accountId: account.id, incidentTypeId: incidentType.id, summary: 'race' } }));
    const made = await push(deployment.urlFor(0), created);
    expect(made.body.results.every((r) => r.status === 'applied')).toBe(true);
    const workOrders = live<WorkOrder>(await pullEverything(deployment.urlFor(1)), 'workOrder').filter((w) => w.id.startsWith('wo-race-'));
    expect(new Set(workOrders.map((w) => w.number)).size).toBe(100);
    // Far past the demo's bookings, so the slot is free until the race.
    const start = Math.ceil((Date.now() + 90 * 86_400_000) / 3_600_000) * 3_600_000;
    const answers = await Promise.all(
      workOrders.map((w, i) =>
        push(deployment.urlFor(i), [
          {
            id: randomUUID(),
            name: 'scheduleWorkOrder',
            args: { workOrderId: w.id, expectedVersion: w.version, bookingId: `bkg-race-${i}`, start, resourceId: technician.id, override: { reason: 'race test' } },
          },
        ]),
      ),
    );
    const results = answers.map((a) => a.body.results[0]!);
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(1);
    const refusals = results.filter((r) => r.status === 'refused');
    expect(refusals).toHaveLength(99);
    expect(refusals.filter((r) => r.status === 'refused' && r.code !== 'double_booking')).toEqual([]);
    const onThatSlot = live<Booking>(await pullEverything(deployment.urlFor(1)), 'booking').filter((b) => b.resourceId === technician.id && b.start === start && b.status !== 'canceled');
    expect(onThatSlot).toHaveLength(1);
  });

  it('tell an event stream on instance B about a change pushed through instance A', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${deployment.urlFor(1)}/api/v1/sync/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const heard = (async () => {
      while (!text.includes('event: change')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    })();
    const booking = live<Booking>(await pullEverything(deployment.urlFor(0)), 'booking').find((b) => b.status === 'scheduled')!;
    const pushed = await push(deployment.urlFor(0), [{ id: randomUUID(), name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } }]);
    expect(pushed.body.results[0]).toMatchObject({ status: 'applied' });
    const latest = (await call<{ latestChange: number }>(deployment.urlFor(0), '/api/v1/health')).body.latestChange;
    const received = await Promise.race([heard, new Promise<string>((resolve) => setTimeout(() => resolve('nothing within 5 s'), 5_000))]);
    controller.abort();
    expect(received).toContain('event: change');
    expect(received).toContain(`"latest":${latest}`);
  });

  it('apply a push sent to both instances at once exactly once, and answer the retry on either from its record', async () => {
    const booking = live<Booking>(await pullEverything(deployment.urlFor(0)), 'booking').find((b) => b.status === 'scheduled' && !b.pinned)!;
    const mutation = { id: randomUUID(), name: 'pinBooking', args: { bookingId: booking.id, expectedVersion: booking.version } };
    const answers = await Promise.all([push(deployment.urlFor(0), [mutation]), push(deployment.urlFor(1), [mutation])]);
    expect(answers.map((a) => a.body.results[0])).toEqual([
      { id: mutation.id, status: 'applied' },
      { id: mutation.id, status: 'applied' },
    ]);
    const retried = await push(deployment.urlFor(1), [mutation]);
    expect(retried.body.results[0]).toEqual({ id: mutation.id, status: 'applied' });
    const after = live<Booking>(await pullEverything(deployment.urlFor(1)), 'booking').find((b) => b.id === booking.id)!;
    expect(after).toMatchObject({ pinned: true, version: booking.version + 1 });
  });

  it('count sign-in attempts once for both instances: of 40 wrong passwords spread over them, 10 are checked', async () => {
    const email = 'nobody-in-particular@example.com';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${deployment.urlFor(i)}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: `wrong ${i}` }) }).then((r) => r.status),
      ),
    );
    expect(answers.filter((status) => status === 401)).toHaveLength(10);
    expect(answers.filter((status) => status === 429)).toHaveLength(30);
  });
});
