import { HubClient } from '../../../../electron/main/sync/hub-client';
import type { Booking } from '../../../../shared/domain/entities';
import type { EntityName, EntityRow } from '../../../../shared/sync/synced-entities';
import { ADMIN } from '../../support/hub-process';

/** Every live booking at a hub, read through its pull API. */
export function hubBookings(url: string): Promise<Map<string, Booking>> {
  return hubRows<'booking'>(url, 'booking');
}

/** Every live row of one entity at a hub, read through its pull API. */
export async function hubRows<E extends EntityName>(url: string, entity: E): Promise<Map<string, EntityRow<E>>> {
  const client = new HubClient({ baseUrl: url });
  await client.signIn(ADMIN.email, ADMIN.password);
  const rows = new Map<string, EntityRow<E>>();
  let cursor = 0;
  for (;;) {
    const page = await client.pull(cursor, 5000);
    for (const c of page.changes) {
      if (c.entity !== entity) continue;
      if (c.deleted) rows.delete(c.id);
      else rows.set(c.id, c.data as EntityRow<E>);
    }
    cursor = page.cursor;
    if (!page.hasMore) return rows;
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
  const refused = results.filter((r) => r.status !== 'applied');
  if (refused.length > 0) throw new Error(`advanceHub: the hub refused ${refused.length} of ${results.length} changes: ${JSON.stringify(refused[0])}`);
}
