import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { BookingDetail } from '../../../shared/contract/ipc-contract';
import { useT } from '../../components/use-t';
import { pinChange } from './change-recipes';
import { useDispatchActions } from './dispatch-context';
import { Alternatives } from './review-queue-pane';
import { usePanels } from './side-panels';

/**
 * A booking's dispatcher actions on the board page: find where else it could go (move or
 * reassign from the ranked list), pin or unpin it, and for an automatic assignment awaiting
 * review, override the engine's choice with a ranked alternative. Nothing outside the board page.
 */
export function DispatchActionsRow({ booking }: { booking: BookingDetail }) {
  const panels = usePanels();
  if (!panels) return null;
  return <Row booking={booking} open={panels.open} />;
}

function Row({ booking, open }: { booking: BookingDetail; open: NonNullable<ReturnType<typeof usePanels>>['open'] }) {
  const t = useT();
  const actions = useDispatchActions();
  const [alternatives, setAlternatives] = useState(false);
  const live = booking.status !== 'canceled' && booking.status !== 'completed';
  const movable = booking.status === 'scheduled';
  const pin = (pinned: boolean) =>
    void actions.apply(pinChange({ label: t(pinned ? 'change.pin' : 'change.unpin', { reference: booking.workOrderNumber }), bookingId: booking.id, version: booking.version, pin: pinned }));
  return (
    <>
      <Group gap="xs" mt="xs" data-testid="dispatch-actions">
        {movable && (
          <Button variant="default" onClick={() => open({ kind: 'availability', target: { bookingId: booking.id }, reference: booking.workOrderNumber })}>
            {t('booking.action.findAvailability')}
          </Button>
        )}
        {live && !booking.pinned && <Button variant="default" onClick={() => pin(true)}>{t('booking.action.pin')}</Button>}
        {booking.pinned && <Button variant="default" onClick={() => pin(false)}>{t('booking.action.unpin')}</Button>}
        {movable && booking.needsReview && booking.assignmentOrigin === 'auto' && (
          <Button variant="default" onClick={() => setAlternatives((v) => !v)} aria-expanded={alternatives}>{t('booking.action.overrideAssignment')}</Button>
        )}
      </Group>
      {alternatives && <Alternatives item={{ bookingId: booking.id, version: booking.version, resourceId: booking.resourceId, start: booking.start, workOrderNumber: booking.workOrderNumber }} onDone={() => setAlternatives(false)} />}
    </>
  );
}
