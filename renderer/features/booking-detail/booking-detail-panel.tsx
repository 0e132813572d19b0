import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { statusLabel } from '../../../shared/domain/booking-status';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';

interface Props {
  bookingId: string;
  onClose: () => void;
}

const timeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** What a dispatcher needs to judge a booking at a glance. Escape closes it. */
export function BookingDetailPanel({ bookingId, onClose }: Props) {
  const api = useApi();
  const query = useQuery({ queryKey: ['booking', bookingId], queryFn: () => api.getBookingDetail({ bookingId }) });
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="side-pane" aria-labelledby="booking-heading" data-testid="booking-detail">
      <div className="side-pane-header">
        <h2 id="booking-heading">Booking</h2>
        <button ref={closeButton} type="button" onClick={onClose} aria-label="Close booking details">×</button>
      </div>
      <QueryState query={query} loadingLabel="Loading booking…">
        {(b) => (
          <dl className="detail-list">
            <dt>Work order</dt>
            <dd>{b.workOrderNumber} · {b.incidentTypeName}</dd>
            <dt>Status</dt>
            <dd><span className={`status-chip status-${b.status}`}>{statusLabel(b.status)}</span>{b.needsReview ? ' · awaiting review' : ''}{b.pinned ? ' · pinned' : ''}</dd>
            <dt>Technician</dt>
            <dd>{b.resourceName}</dd>
            <dt>When</dt>
            <dd>{timeFormat.formatRange(new Date(b.start), new Date(b.end))}</dd>
            <dt>Customer</dt>
            <dd>{b.accountName}<br /><span className="muted">{b.accountAddress}</span></dd>
            <dt>Travel</dt>
            <dd>{b.travelMinutes} min</dd>
            <dt>Assigned</dt>
            <dd>{b.assignmentOrigin === 'auto' ? 'Automatically' : 'By a dispatcher'}</dd>
            {b.summary && (<><dt>Summary</dt><dd>{b.summary}</dd></>)}
            {b.customerComments && (<><dt>Customer comments</dt><dd>{b.customerComments}</dd></>)}
            {b.cancellationReasonCode && (<><dt>Canceled because</dt><dd>{b.cancellationReasonCode}: {b.cancellationNote}</dd></>)}
          </dl>
        )}
      </QueryState>
    </section>
  );
}
