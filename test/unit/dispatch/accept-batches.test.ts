import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../shared/contract/dispatch-contract';
import { AcceptAutoAssignmentArgs } from '../../../shared/mutations/booking-mutations';
import { acceptBatches } from '../../../renderer/features/dispatch/accept-batches';

function items(count: number): ReviewItem[] {
  return Array.from({ length: count }, (_, i) => ({
    bookingId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    version: 1 + (i % 3),
    workOrderId: `w-${i}`,
    workOrderNumber: `WO-${i}`,
    title: 'Boiler service',
    accountName: 'Acme Ltd',
    resourceId: 'r-1',
    resourceName: 'Anna Park',
    start: 0,
    end: 1,
    status: 'scheduled',
    travelMinutes: 0,
    explanation: null,
  }));
}

describe('accepting a selection of review items', () => {
  it('sends "select all" on a queue of thousands as calls the mutation accepts, every item once, in order', () => {
    const selection = items(1_201);
    // What the pane sent before: one call, which the mutation's arguments refuse.
    expect(AcceptAutoAssignmentArgs.safeParse({ bookings: selection.map((i) => ({ bookingId: i.bookingId, expectedVersion: i.version })) }).success).toBe(false);
    const batches = acceptBatches(selection);
    expect(batches.map((b) => b.length)).toEqual([500, 500, 201]);
    for (const bookings of batches) expect(AcceptAutoAssignmentArgs.safeParse({ bookings }).success).toBe(true);
    expect(batches.flat()).toEqual(selection.map((i) => ({ bookingId: i.bookingId, expectedVersion: i.version })));
  });

  it('sends a small selection as one call, and nothing for none', () => {
    expect(acceptBatches(items(2))).toHaveLength(1);
    expect(acceptBatches([])).toEqual([]);
  });
});
