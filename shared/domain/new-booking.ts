import type { Booking } from './entities';

/**
 * A visit newly put on the board: scheduled, the dispatcher's choice (accepted), not pinned, no
 * explanation, no cancellation, version 0 (the store stamps it). `fields` say the rest.
 */
export function newBooking(fields: Pick<Booking, 'id' | 'workOrderId' | 'resourceId' | 'start' | 'end'> & Partial<Booking>): Booking {
  return {
    travelMinutes: 0,
    status: 'scheduled',
    assignmentOrigin: 'manual',
    explanation: null,
    reviewState: 'accepted',
    pinned: false,
    cancellationReasonCode: null,
    cancellationNote: null,
    version: 0,
    ...fields,
  };
}
