import { useState } from 'react';
import type { BookingDetail } from '../../../shared/contract/ipc-contract';
import { allowedNextStatuses, type BookingStatus } from '../../../shared/domain/booking-status';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { CancelBookingForm } from './cancel-booking-form';

type ForwardStatus = Exclude<BookingStatus, 'scheduled' | 'canceled'>;
const statusActions: Record<ForwardStatus, string> = {
  traveling: 'Start travel',
  in_progress: 'Arrived / start work',
  completed: 'Complete',
};

/**
 * What a dispatcher can do with one booking, following the state machine: move it forward,
 * cancel it with a reason, accept an automatic assignment. Every change carries the version
 * the dispatcher saw, so a booking changed meanwhile is refused rather than overwritten.
 */
export function BookingActions({ booking }: { booking: BookingDetail }) {
  const run = useRunMutation();
  const [cancelOpen, setCancelOpen] = useState(false);
  const next = allowedNextStatuses(booking.status);
  const forward = next.filter((s): s is ForwardStatus => s !== 'canceled' && s !== 'scheduled');
  const canCancel = next.includes('canceled');
  const canAccept = booking.needsReview && booking.status !== 'canceled';
  const busy = run.isPending;
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome : null;

  if (forward.length === 0 && !canCancel && !canAccept) return null;
  return (
    <section className="booking-actions" aria-label="Booking actions" data-testid="booking-actions">
      {refusal && (
        <div className="inline-alert" role="alert" data-testid="action-refused">
          <strong>Not saved.</strong> {refusal.reason}
        </div>
      )}
      {run.isError && (
        <div className="inline-alert" role="alert" data-testid="action-error">
          <strong>Not saved.</strong> {run.error.message}
        </div>
      )}
      <div className="action-row">
        {canAccept && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              run.mutate(mutationCall('acceptAutoAssignment', { bookings: [{ bookingId: booking.id, expectedVersion: booking.version }] }))
            }
          >
            Accept assignment
          </button>
        )}
        {forward.map((status) => (
          <button
            key={status}
            type="button"
            disabled={busy}
            data-next-status={status}
            onClick={() => run.mutate(mutationCall('setBookingStatus', { bookingId: booking.id, expectedVersion: booking.version, status }))}
          >
            {statusActions[status]}
          </button>
        ))}
        {canCancel && !cancelOpen && (
          <button type="button" className="danger" disabled={busy} onClick={() => setCancelOpen(true)} aria-expanded={false}>
            Cancel booking…
          </button>
        )}
      </div>
      {canCancel && cancelOpen && (
        <CancelBookingForm
          busy={busy}
          onClose={() => setCancelOpen(false)}
          onSubmit={(reasonCode, note) =>
            run.mutate(mutationCall('cancelBooking', { bookingId: booking.id, expectedVersion: booking.version, reasonCode, note }), {
              onSuccess: (response) => response.outcome.status === 'applied' && setCancelOpen(false),
            })
          }
        />
      )}
      {busy && <p className="muted" role="status"><span className="spinner" aria-hidden="true" /> Saving…</p>}
    </section>
  );
}
