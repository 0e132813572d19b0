import type { ReviewItem } from '../../../shared/contract/dispatch-contract';
import { MAX_ACCEPT_BATCH } from '../../../shared/mutations/booking-mutations';

/**
 * A selection of review items as acceptAutoAssignment calls: in the queue's order, none bigger
 * than the mutation takes ("select all" on a queue of thousands would otherwise be refused whole).
 */
export function acceptBatches(items: readonly ReviewItem[]): { bookingId: string; expectedVersion: number }[][] {
  const batches: { bookingId: string; expectedVersion: number }[][] = [];
  for (let i = 0; i < items.length; i += MAX_ACCEPT_BATCH) {
    batches.push(items.slice(i, i + MAX_ACCEPT_BATCH).map((item) => ({ bookingId: item.bookingId, expectedVersion: item.version })));
  }
  return batches;
}
