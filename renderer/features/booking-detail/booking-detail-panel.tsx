import { Badge, Button, CloseButton, Group, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { formatInstantRange } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { reasonCodesQuery } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { useStatusLabel } from '../../components/status-label';
import { useT } from '../../components/use-t';
import { useWindowKeydown } from '../../components/use-window-keydown';
import { BookingActions } from './booking-actions';
import { ExplanationView } from '../dispatch/explanation-view';

interface Props {
  bookingId: string;
  onClose: () => void;
}

/** What a dispatcher needs to judge a booking at a glance. Escape closes it. */
export function BookingDetailPanel({ bookingId, onClose }: Props) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const statusLabel = useStatusLabel();
  const { openRecord } = useNavigation();
  const query = useQuery({ queryKey: ['booking', bookingId], queryFn: () => api.getBookingDetail({ bookingId }) });
  const reasonCodes = useQuery({ ...reasonCodesQuery(api), enabled: !!query.data?.cancellationReasonCode });
  const reasonLabel = (code: string) => reasonCodes.data?.find((c) => c.code === code)?.label ?? code;
  useWindowKeydown((event) => {
    // Escape inside a dialog (Settings, sync issues) or an open list closes that, not this panel.
    if (event.key !== 'Escape' || event.defaultPrevented || (event.target instanceof Element && event.target.closest('[role=dialog], [aria-expanded=true]'))) return;
    onClose();
  });
  return (
    <section className="side-pane" aria-labelledby="booking-heading" data-testid="booking-detail">
      <Group className="side-pane-header" justify="space-between" wrap="nowrap">
        <Title order={2} id="booking-heading" className="side-pane-title">{t('booking.heading')}</Title>
        <CloseButton onClick={onClose} aria-label={t('booking.close')} />
      </Group>
      <QueryState query={query} loadingLabel={t('booking.loading')}>
        {(b) => (
          <>
          <dl className="detail-list">
            <dt>{t('booking.workOrder')}</dt>
            <dd>
              <Button variant="subtle" size="compact-sm" className="inline-link" onClick={() => openRecord({ kind: 'work-order', ref: { workOrderId: b.workOrderId } })} aria-label={t('booking.openWorkOrder', { number: b.workOrderNumber })}>
                {b.workOrderNumber}
              </Button>{' '}
              · {b.incidentTypeName}
            </dd>
            <dt>{t('booking.status')}</dt>
            <dd>
              <Badge variant="light" className={`status-chip status-${b.status}`} data-testid="booking-status" data-status={b.status}>{statusLabel(b.status)}</Badge>
              {b.needsReview ? ` · ${t('booking.awaitingReview')}` : ''}
              {b.pinned ? ` · ${t('booking.pinned')}` : ''}
            </dd>
            <dt>{t('booking.technician')}</dt>
            <dd>{b.resourceName}</dd>
            <dt>{t('booking.when')}</dt>
            <dd data-testid="booking-when">{formatInstantRange(intl, b.start, b.end)}</dd>
            <dt>{t('booking.customer')}</dt>
            <dd>{b.accountName}<br /><span className="muted">{b.accountAddress}</span></dd>
            <dt>{t('booking.travel')}</dt>
            <dd>{t('common.minutes', { minutes: b.travelMinutes })}</dd>
            <dt>{t('booking.assigned')}</dt>
            <dd>{b.assignmentOrigin === 'auto' ? t('booking.assigned.auto') : t('booking.assigned.manual')}</dd>
            {b.summary && (<><dt>{t('booking.summary')}</dt><dd>{b.summary}</dd></>)}
            {b.customerComments && (<><dt>{t('booking.customerComments')}</dt><dd>{b.customerComments}</dd></>)}
            {b.cancellationReasonCode && (<><dt>{t('booking.canceledBecause')}</dt><dd>{reasonLabel(b.cancellationReasonCode)}{b.cancellationNote ? `: ${b.cancellationNote}` : ''}</dd></>)}
          </dl>
          {(b.assignmentOrigin === 'auto' || b.explanation) && (
            <section className="booking-explanation" aria-labelledby="booking-explanation-heading">
              <Title order={3} id="booking-explanation-heading" className="side-pane-subtitle">{t('explanation.heading')}</Title>
              <ExplanationView explanation={b.explanation} />
            </section>
          )}
          <BookingActions key={b.id} booking={b} />
          </>
        )}
      </QueryState>
    </section>
  );
}
