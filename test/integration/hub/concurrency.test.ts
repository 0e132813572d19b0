import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Resource, WorkOrder } from '../../../shared/domain/entities';
import { pullAll, push, rowsOf, signIn, signedInUser, startHub, type RunningHub } from './hub-process';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

const DAY_MS = 86_400_000;

describe('hub concurrency', () => {
  it('books exactly one of two parallel pushes that put two work orders on the same technician at the same time', async () => {
    const admin = await signIn(hub);
    const dispatcher = await signedInUser(hub, admin, 'dispatcher', 'dan.dispatcher@example.com');
    const { rows } = await pullAll(hub, admin);
    const [first, second] = rowsOf<WorkOrder>(rows, 'workOrder').filter((w) => w.status === 'unscheduled');
    const technician = rowsOf<Resource>(rows, 'resource')[0];
    if (!first || !second || !technician) throw new Error('the demo needs two unscheduled work orders and a technician');
    // Far beyond the demo's bookings, so the technician's day is free; the override waives working hours and skills, never overlaps.
    const start = Math.ceil((Date.now() + 60 * DAY_MS) / 3_600_000) * 3_600_000;
    const schedule = (workOrder: WorkOrder) => ({
      id: randomUUID(),
      name: 'scheduleWorkOrder',
      args: { workOrderId: workOrder.id, expectedVersion: workOrder.version, bookingId: randomUUID(), start, resourceId: technician.id, override: { reason: 'concurrency test' } },
    });
    const [a, b] = await Promise.all([push(hub, admin, [schedule(first)]), push(hub, dispatcher, [schedule(second)])]);
    const results = [a.body.results[0], b.body.results[0]];
    expect(results.filter((r) => r?.status === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r?.status === 'refused' && r.code === 'double_booking')).toHaveLength(1);
    const after = await pullAll(hub, admin);
    const onThatSlot = rowsOf<Booking>(after.rows, 'booking').filter((x) => x.resourceId === technician.id && x.start === start && x.status !== 'canceled');
    expect(onThatSlot).toHaveLength(1);
  });
});
