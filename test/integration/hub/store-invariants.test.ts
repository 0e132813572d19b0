import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubStore } from '../../../server/store/hub-store';
import { openHubStore } from '../../../server/store/open-hub-store';
import { buildDemoDataset, DEMO_SEED, type DemoDataset } from '../../../shared/demo/seed-builder';
import type { Booking } from '../../../shared/domain/entities';
import { MutationRefusal } from '../../../shared/mutations/mutation-context';
import { runMutation } from '../../../shared/mutations/mutation-registry';
import { hubTestEngine, storeLocation } from '../../support/hub-test-engine';

/**
 * What the store's database keeps true by itself, whatever a caller (or a racing hub instance)
 * does, on the engine of the test project: no overlapping active bookings, unique work order
 * numbers, foreign keys, change numbers for every write and a tombstone for every delete.
 */
const opened: HubStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function demoStore(): Promise<{ store: HubStore; dataset: DemoDataset }> {
  const store = await openHubStore(storeLocation(mkdtempSync(path.join(tmpdir(), 'dd-store-'))));
  opened.push(store);
  const dataset = buildDemoDataset({ seed: DEMO_SEED, now: Date.UTC(2026, 2, 10, 15), technicians: 4, accounts: 12 });
  await store.transaction((tx) => tx.insertDataset(dataset));
  return { store, dataset };
}

const activeBooking = (dataset: DemoDataset) => dataset.bookings.find((b) => b.status === 'scheduled')!;

describe(`hub store invariants (${hubTestEngine()})`, () => {
  it('refuses a booking that overlaps an active one of the same technician as double_booking, even when written directly', async () => {
    const { store, dataset } = await demoStore();
    const taken = activeBooking(dataset);
    const workOrder = dataset.workOrders.find((w) => w.status === 'unscheduled')!;
    const clash: Booking = { ...taken, id: 'bkg-clash', workOrderId: workOrder.id, start: taken.start + 15 * 60_000, end: taken.end + 15 * 60_000, version: 1 };
    const attempt = store.transaction((tx) => tx.put('booking', clash));
    await expect(attempt).rejects.toBeInstanceOf(MutationRefusal);
    await expect(attempt).rejects.toMatchObject({ code: 'double_booking' });
    expect(await store.read((tx) => tx.get('booking', 'bkg-clash'))).toBeUndefined();
    // A canceled booking holds no slot; the same time on another technician is free too.
    await store.transaction((tx) => tx.put('booking', { ...clash, status: 'canceled', cancellationReasonCode: dataset.reasonCodes[0]!.code, cancellationNote: null }));
    const busy = (resourceId: string) => dataset.bookings.some((b) => b.resourceId === resourceId && b.status !== 'canceled' && b.start < clash.end && b.end > clash.start);
    const other = dataset.resources.find((r) => !busy(r.id))!;
    await store.transaction((tx) => tx.put('booking', { ...clash, id: 'bkg-elsewhere', resourceId: other.id }));
    expect(await store.read((tx) => tx.get('booking', 'bkg-elsewhere'))).toMatchObject({ resourceId: other.id });
  });

  it('refuses a bulk load whose bookings overlap, loading nothing', async () => {
    const store = await openHubStore(storeLocation(mkdtempSync(path.join(tmpdir(), 'dd-store-'))));
    opened.push(store);
    const dataset = buildDemoDataset({ seed: DEMO_SEED, now: Date.UTC(2026, 2, 10, 15), technicians: 4, accounts: 12 });
    const taken = activeBooking(dataset);
    const workOrder = dataset.workOrders.find((w) => w.id !== taken.workOrderId)!;
    const overlapping = { ...taken, id: 'bkg-overlapping', workOrderId: workOrder.id, start: taken.start + 60_000 };
    await expect(store.transaction((tx) => tx.insertDataset({ ...dataset, bookings: [...dataset.bookings, overlapping] }))).rejects.toThrow(/overlap/);
    expect(await store.read((tx) => tx.countRows())).toBe(0);
  });

  it('keeps the transaction usable after a refused booking inside a savepoint, as a push does', async () => {
    const { store, dataset } = await demoStore();
    const taken = activeBooking(dataset);
    const other = dataset.bookings.find((b) => b.status === 'scheduled' && b.resourceId !== taken.resourceId)!;
    const outcome = await store.transaction(async (tx) => {
      const refused = await tx.nested(async () => {
        const result = await runMutation(tx, { actor: 'test', now: Date.now() }, {
          name: 'reassignBooking',
          args: { bookingId: other.id, expectedVersion: 1, resourceId: taken.resourceId, start: taken.start, override: { reason: 'test' } },
        });
        return { keep: result.status === 'applied', value: result };
      });
      await tx.put('territory', { ...dataset.territories[0]!, name: 'Written after the refusal' });
      return refused;
    });
    expect(outcome).toMatchObject({ status: 'refused', code: 'double_booking' });
    expect(await store.read((tx) => tx.get('territory', dataset.territories[0]!.id))).toMatchObject({ name: 'Written after the refusal' });
    expect(await store.read((tx) => tx.get('booking', other.id))).toMatchObject({ resourceId: other.resourceId, version: 1 });
  });

  it('numbers new work orders after the highest loaded number, never twice', async () => {
    const { store, dataset } = await demoStore();
    const highest = Math.max(...dataset.workOrders.map((w) => Number(w.number.slice(3))));
    const numbers = await Promise.all(Array.from({ length: 5 }, () => store.transaction((tx) => tx.nextWorkOrderNumber())));
    expect(new Set(numbers).size).toBe(5);
    expect(numbers.map((n) => Number(n.slice(3))).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5].map((i) => highest + i));
  });

  it('refuses a second work order with a number already taken', async () => {
    const { store, dataset } = await demoStore();
    const [first, second] = dataset.workOrders;
    await expect(store.transaction((tx) => tx.put('workOrder', { ...second!, number: first!.number }))).rejects.toThrow(/unique|UNIQUE/);
  });

  it('refuses to delete a parent whose children are still there, and lets a transaction delete parent then children', async () => {
    const { store, dataset } = await demoStore();
    const booking = activeBooking(dataset);
    await expect(store.transaction((tx) => tx.remove('workOrder', booking.workOrderId))).rejects.toThrow(/foreign key|FOREIGN KEY/);
    expect(await store.read((tx) => tx.get('workOrder', booking.workOrderId))).toBeDefined();
    const before = await store.read((tx) => tx.latestChange());
    await store.transaction(async (tx) => {
      await tx.remove('workOrder', booking.workOrderId);
      for (const b of dataset.bookings.filter((x) => x.workOrderId === booking.workOrderId)) await tx.remove('booking', b.id);
      for (const r of dataset.portalRequests.filter((x) => x.workOrderId === booking.workOrderId)) await tx.remove('portalRequest', r.id);
    });
    const changes = await store.read((tx) => tx.changesAfter(before, 100));
    expect(changes.find((c) => c.entity === 'workOrder')).toMatchObject({ id: booking.workOrderId, deleted: true, data: null, version: 2 });
    expect(changes.every((c) => c.deleted && c.changeNumber > before)).toBe(true);
  });

  it('gives each write of a transaction its own change number, in write order, only once it commits', async () => {
    const { store, dataset } = await demoStore();
    const before = await store.read((tx) => tx.latestChange());
    let seenInside: number | undefined;
    await store.transaction(async (tx) => {
      await tx.put('territory', { ...dataset.territories[0]!, name: 'First' });
      await tx.put('territory', { ...dataset.territories[1]!, name: 'Second' });
      await tx.put('territory', { ...dataset.territories[0]!, name: 'First again' });
      seenInside = await store.read((reader) => reader.latestChange());
    });
    expect(seenInside).toBe(before);
    const changes = await store.read((tx) => tx.changesAfter(before, 10));
    expect(changes.map((c) => [c.id, c.changeNumber, c.version])).toEqual([
      [dataset.territories[1]!.id, before + 1, 2],
      [dataset.territories[0]!.id, before + 2, 3],
    ]);
  });

  it('answers reads while a write transaction is open (they never wait for writers)', async () => {
    const { store, dataset } = await demoStore();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = store.transaction(async (tx) => {
      await tx.put('territory', { ...dataset.territories[0]!, name: 'Held open' });
      await held;
    });
    const read = await Promise.race([
      store.read(async (tx) => (await tx.get('territory', dataset.territories[0]!.id))?.name),
      new Promise((resolve) => setTimeout(() => resolve('timed out'), 5_000)),
    ]);
    expect(read).toBe(dataset.territories[0]!.name);
    release();
    await writing;
    expect(await store.read(async (tx) => (await tx.get('territory', dataset.territories[0]!.id))?.name)).toBe('Held open');
  });
});
