import { useQuery } from '@tanstack/react-query';
import type { PortalRequestSummary } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { openPortalRequestsQuery } from '../../api/queries';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { QueryState } from '../../components/query-state';
import { absoluteTime, relativeTime, useNow } from '../../components/relative-time';

const kindLabels: Record<PortalRequestSummary['kind'], string> = {
  new_booking: 'New booking',
  reschedule: 'Reschedule',
  cancellation: 'Cancellation',
  no_slot: 'No free slot',
  low_feedback: 'Low feedback',
};

/** The back office's inbox of portal events that are still open, oldest first. */
export function PortalRequestsPane() {
  const api = useApi();
  const query = useQuery(openPortalRequestsQuery(api));
  const now = useNow(30_000);
  return (
    <section className="side-pane" aria-labelledby="portal-requests-heading">
      <h2 id="portal-requests-heading">Open portal requests</h2>
      <QueryState query={query} loadingLabel="Loading portal requests…">
        {(requests) =>
          requests.length === 0 ? (
            <p className="side-empty">No open requests. Everything customers asked for has been handled.</p>
          ) : (
            <ul className="work-order-list" data-testid="portal-request-list">
              {[...requests].sort((a, b) => a.createdAt - b.createdAt).map((r) => (
                <PortalRequestItem key={r.id} request={r} now={now} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

/** `now` comes from the list, so one timer keeps every age label current. */
function PortalRequestItem({ request, now }: { request: PortalRequestSummary; now: number }) {
  const run = useRunMutation();
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome : null;
  const kind = kindLabels[request.kind];
  return (
    <li className="work-order-item portal-request" data-testid="portal-request" data-request-id={request.id} data-kind={request.kind}>
      <div className="work-order-line">
        <strong className={`request-kind request-kind-${request.kind}`}>{kind}</strong>
        <time className="muted" dateTime={new Date(request.createdAt).toISOString()} title={absoluteTime(request.createdAt)}>
          {relativeTime(request.createdAt, now)}
        </time>
      </div>
      <div>
        {request.accountName}
        {request.contactName && <span className="muted"> · {request.contactName}</span>}
        {request.workOrderNumber && <span className="muted"> · {request.workOrderNumber}</span>}
      </div>
      {request.message && <p className="request-message">{request.message}</p>}
      {refusal && <p className="inline-alert" role="alert">{refusal.reason}</p>}
      {run.isError && <p className="inline-alert" role="alert">{run.error.message}</p>}
      <div className="form-actions">
        <button
          type="button"
          disabled={run.isPending}
          aria-label={`Mark handled: ${kind}, ${request.accountName}`}
          onClick={() => run.mutate(mutationCall('handlePortalRequest', { requestId: request.id, note: '' }))}
        >
          {run.isPending ? 'Saving…' : 'Mark handled'}
        </button>
      </div>
    </li>
  );
}
