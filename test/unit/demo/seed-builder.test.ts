import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../../shared/demo/seed-builder';
import { bookingStatuses } from '../../../shared/domain/booking-status';

const now = Date.UTC(2026, 10, 23, 16, 30); // Monday 10:30 in Chicago
const demo = buildDemoDataset({ seed: 20261123, now });

describe('demo seed builder', () => {
  it('builds the same data for the same seed and instant', () => {
    expect(JSON.stringify(buildDemoDataset({ seed: 20261123, now }))).toBe(JSON.stringify(demo));
  });

  it('builds different data for another seed', () => {
    const other = buildDemoDataset({ seed: 1, now });
    expect(other.resources.map((r) => r.name)).not.toEqual(demo.resources.map((r) => r.name));
  });

  it('has the size of a realistic company', () => {
    expect(demo.territories).toHaveLength(4);
    expect(demo.characteristics).toHaveLength(12);
    expect(demo.incidentTypes).toHaveLength(15);
    expect(demo.resources).toHaveLength(40);
    expect(demo.accounts).toHaveLength(800);
    expect(demo.contacts.length).toBeGreaterThanOrEqual(800);
    expect(demo.assets.length).toBeGreaterThanOrEqual(800);
    expect(demo.workOrders.filter((w) => w.status === 'unscheduled').length).toBeGreaterThan(5);
    expect(demo.portalRequests.filter((p) => p.state === 'open').length).toBeGreaterThan(3);
  });

  it('covers three weeks around now with bookings in every status, today included', () => {
    const day = 86_400_000;
    const starts = demo.bookings.map((b) => b.start);
    expect(Math.min(...starts)).toBeLessThan(now - 6 * day);
    expect(Math.max(...starts)).toBeGreaterThan(now + 12 * day);
    expect(new Set(demo.bookings.map((b) => b.status))).toEqual(new Set(bookingStatuses));
    const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('America/Chicago').toPlainDate();
    const todays = demo.bookings.filter((b) =>
      Temporal.Instant.fromEpochMilliseconds(b.start).toZonedDateTimeISO('America/Chicago').toPlainDate().equals(today),
    );
    expect(todays.length).toBeGreaterThan(60);
  });

  it('never double-books a technician and gives every visit a qualified technician', () => {
    const byResource = new Map<string, typeof demo.bookings>();
    for (const b of demo.bookings) byResource.set(b.resourceId, [...(byResource.get(b.resourceId) ?? []), b]);
    for (const list of byResource.values()) {
      const sorted = [...list].sort((a, b) => a.start - b.start);
      sorted.slice(1).forEach((b, i) => expect(b.start).toBeGreaterThanOrEqual(sorted[i]!.end));
    }
    const types = new Map(demo.incidentTypes.map((t) => [t.id, t]));
    const orders = new Map(demo.workOrders.map((w) => [w.id, w]));
    const resources = new Map(demo.resources.map((r) => [r.id, r]));
    for (const b of demo.bookings) {
      const type = types.get(orders.get(b.workOrderId)!.incidentTypeId)!;
      const resource = resources.get(b.resourceId)!;
      for (const req of type.requiredCharacteristics) {
        const rating = resource.characteristics.find((c) => c.characteristicId === req.characteristicId)?.rating ?? 0;
        expect(rating).toBeGreaterThanOrEqual(req.minRating);
      }
    }
  });

  it('keeps statuses consistent with the clock: nothing before now is still scheduled', () => {
    for (const b of demo.bookings) {
      if (b.end <= now) expect(['completed', 'canceled']).toContain(b.status);
      if (b.start > now + 3 * 3_600_000) expect(['scheduled', 'canceled']).toContain(b.status);
    }
  });

  it('places accounts inside the Chicago metro area', () => {
    for (const a of demo.accounts) {
      expect(a.lat).toBeGreaterThan(41.6);
      expect(a.lat).toBeLessThan(42.1);
      expect(a.lng).toBeGreaterThan(-88);
      expect(a.lng).toBeLessThan(-87.5);
    }
  });
});
