import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import type { BookingDetail } from '../../../shared/contract/ipc-contract';
import { allowedNextStatuses, type BookingStatus } from '../../../shared/domain/booking-status';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { useT } from '../../components/use-t';
import { CancelBookingForm } from './cancel-booking-form';
import { DispatchActionsRow } from '../dispatch/booking-dispatch-actions';

type ForwardStatus = Exclude<BookingStatus, 'scheduled' | 'canceled'>;
const statusActions: Record<ForwardStatus, MessageKey> = {
  traveling: 'booking.action.traveling',
  in_progress: 'booking.action.in_progress',
  completed: 'booking.action.completed',
};

/**
 * What a dispatcher can do with one booking, following the state machine: move it forward,
 * cancel it with a reason, accept an automatic assignment. Every change carries the version
 * the dispatcher saw, so a booking changed meanwhile is refused rather than overwritten.
 */
export function BookingActions({ booking }: { booking: BookingDetail }) {
  const t = useT();
  const run = useRunMutation();
  const [cancelOpen, setCancelOpen] = useState(false);
  const next = allowedNextStatuses(booking.status);
  const forward = next.filter((s): s is ForwardStatus => s !== 'canceled' && s !== 'scheduled');
  const canCancel = next.includes('canceled');
  const canAccept = booking.needsReview && booking.status !== 'canceled';
  const busy = run.isPending;
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome : null;
  const dispatch = <DispatchActionsRow booking={booking} />;

  if (forward.length === 0 && !canCancel && !canAccept) return dispatch;
  return (
    <section className="booking-actions" aria-label={t('booking.actions')} data-testid="booking-actions">
      {refusal && (
        <Alert color="danger" role="alert" mb="sm" data-testid="action-refused">
          <strong>{t('booking.notSaved')}</strong> {refusal.reason}
        </Alert>
      )}
      {run.isError && (
        <Alert color="danger" role="alert" mb="sm" data-testid="action-error">
          <strong>{t('booking.notSaved')}</strong> {run.error.message}
        </Alert>
      )}
      <Group gap="xs">
        {canAccept && (
          <Button
            disabled={busy}
            onClick={() =>
              run.mutate(mutationCall('acceptAutoAssignment', { bookings: [{ bookingId: booking.id, expectedVersion: booking.version }] }))
            }
          >
            {t('booking.action.accept')}
          </Button>
        )}
        {forward.map((status) => (
          <Button
            key={status}
            variant="default"
            disabled={busy}
            data-next-status={status}
            onClick={() => run.mutate(mutationCall('setBookingStatus', { bookingId: booking.id, expectedVersion: booking.version, status }))}
          >
            {t(statusActions[status])}
          </Button>
        ))}
        {canCancel && !cancelOpen && (
          <Button variant="outline" color="danger" disabled={busy} onClick={() => setCancelOpen(true)} aria-expanded={false}>
            {t('booking.action.cancel')}
          </Button>
        )}
      </Group>
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
      {dispatch}
      {busy && (
        <Group gap="xs" mt="xs" role="status">
          <Loader size="xs" aria-hidden="true" />
          <Text c="dimmed" size="sm">{t('common.saving')}</Text>
        </Group>
      )}
    </section>
  );
}
