import { useQuery } from '@tanstack/react-query';
import { statusLabel } from '../../../shared/domain/booking-status';
import { useApi } from '../../api/api-context';
import { reasonCodesQuery } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { absoluteFormat } from '../../components/relative-time';
import { useWindowKeydown } from '../../components/use-window-keydown';
import { BookingActions } from './booking-actions';

interface Props {
  bookingId: string;
  onClose: () => void;
}

/** What a dispatcher needs to judge a booking at a glance. Escape closes it. */
export function BookingDetailPanel({ bookingId, onClose }: Props) {
  const api = useApi();
  const query = useQuery({ queryKey: ['booking', bookingId], queryFn: () => api.getBookingDetail({ bookingId }) });
  const reasonCodes = useQuery({ ...reasonCodesQuery(api), enabled: !!query.data?.cancellationReasonCode });
  const reasonLabel = (code: string) => reasonCodes.data?.find((c) => c.code === code)?.label ?? code;
  useWindowKeydown((event) => {
    // Escape inside a dialog (Settings, sync issues) closes that dialog, not this panel.
    if (event.key !== 'Escape' || event.defaultPrevented || (event.target instanceof Element && event.target.closest('dialog'))) return;
    onClose();
  });
  return (
    <section className="side-pane" aria-labelledby="booking-heading" data-testid="booking-detail">
      <div className="side-pane-header">
        <h2 id="booking-heading">Booking</h2>
        <button type="button" onClick={onClose} aria-label="Close booking details">×</button>
      </div>
      <QueryState query={query} loadingLabel="Loading booking…">
        {(b) => (
          <>
          <dl className="detail-list">
            <dt>Work order</dt>
            <dd>{b.workOrderNumber} · {b.incidentTypeName}</dd>
            <dt>Status</dt>
            <dd><span className={`status-chip status-${b.status}`} data-testid="booking-status" data-status={b.status}>{statusLabel(b.status)}</span>{b.needsReview ? ' · awaiting review' : ''}{b.pinned ? ' · pinned' : ''}</dd>
            <dt>Technician</dt>
            <dd>{b.resourceName}</dd>
            <dt>When</dt>
            <dd>{absoluteFormat.formatRange(new Date(b.start), new Date(b.end))}</dd>
            <dt>Customer</dt>
            <dd>{b.accountName}<br /><span className="muted">{b.accountAddress}</span></dd>
            <dt>Travel</dt>
            <dd>{b.travelMinutes} min</dd>
            <dt>Assigned</dt>
            <dd>{b.assignmentOrigin === 'auto' ? 'Automatically' : 'By a dispatcher'}</dd>
            {b.summary && (<><dt>Summary</dt><dd>{b.summary}</dd></>)}
            {b.customerComments && (<><dt>Customer comments</dt><dd>{b.customerComments}</dd></>)}
            {b.cancellationReasonCode && (<><dt>Canceled because</dt><dd>{reasonLabel(b.cancellationReasonCode)}{b.cancellationNote ? `: ${b.cancellationNote}` : ''}</dd></>)}
          </dl>
          <BookingActions key={b.id} booking={b} />
          </>
        )}
      </QueryState>
    </section>
  );
}
