import { expect } from 'vitest';
import { HubClient } from '../../../../electron/main/sync/hub-client';
import type { Booking } from '../../../../shared/domain/entities';
import { ADMIN } from '../../support/hub-process';

/** Every live booking at a hub, read through its pull API. */
export async function hubBookings(url: string): Promise<Map<string, Booking>> {
  const client = new HubClient({ baseUrl: url });
  await client.signIn(ADMIN.email, ADMIN.password);
  const bookings = new Map<string, Booking>();
  let cursor = 0;
  for (;;) {
    const page = await client.pull(cursor, 5000);
    for (const c of page.changes) {
      if (c.entity !== 'booking') continue;
      if (c.deleted) bookings.delete(c.id);
      else bookings.set(c.id, c.data as Booking);
    }
    cursor = page.cursor;
    if (!page.hasMore) return bookings;
  }
}

/** Moves `count` scheduled bookings (earliest first) to traveling through the hub's push API. */
export async function advanceHub(url: string, count: number): Promise<void> {
  const client = new HubClient({ baseUrl: url });
  await client.signIn(ADMIN.email, ADMIN.password);
  const scheduled = [...(await hubBookings(url)).values()].filter((b) => b.status === 'scheduled').sort((a, b) => a.start - b.start).slice(0, count);
  const { results } = await client.push(
    scheduled.map((b) => ({ id: crypto.randomUUID(), name: 'setBookingStatus', args: { bookingId: b.id, expectedVersion: b.version, status: 'traveling' } })),
  );
  expect(results.every((r) => r.status === 'applied')).toBe(true);
}
