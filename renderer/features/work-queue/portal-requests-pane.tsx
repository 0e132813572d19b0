import { Alert, Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PortalRequestSummary } from '../../../shared/contract/ipc-contract';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useApi } from '../../api/api-context';
import { openPortalRequestsQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { QueryState } from '../../components/query-state';
import { RelativeTime, useNow } from '../../components/relative-time';
import { useT } from '../../components/use-t';

const kindLabels: Record<PortalRequestSummary['kind'], MessageKey> = {
  new_booking: 'portalRequest.kind.new_booking',
  reschedule: 'portalRequest.kind.reschedule',
  cancellation: 'portalRequest.kind.cancellation',
  no_slot: 'portalRequest.kind.no_slot',
  low_feedback: 'portalRequest.kind.low_feedback',
};

/** The back office's inbox of portal events that are still open, oldest first. */
export function PortalRequestsPane() {
  const api = useApi();
  const t = useT();
  const query = useQuery(openPortalRequestsQuery(api));
  const now = useNow(30_000);
  return (
    <section className="side-pane" aria-labelledby="portal-requests-heading">
      <Title order={2} id="portal-requests-heading" className="side-pane-title">{t('portalRequests.heading')}</Title>
      <QueryState query={query} loadingLabel={t('portalRequests.loading')}>
        {(requests) =>
          requests.length === 0 ? (
            <Text c="dimmed">{t('portalRequests.empty')}</Text>
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
  const t = useT();
  const run = useRunMutation();
  const { openRecord } = useNavigation();
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome : null;
  const kind = t(kindLabels[request.kind]);
  return (
    <Paper component="li" withBorder className="work-order-item portal-request" data-testid="portal-request" data-request-id={request.id} data-kind={request.kind}>
      <div className="work-order-line">
        <strong className={`request-kind request-kind-${request.kind}`}>{kind}</strong>
        <RelativeTime className="muted" at={request.createdAt} now={now} />
      </div>
      <div>
        <bdi>{request.accountName}</bdi>
        {request.contactName && <span className="muted"> · <bdi>{request.contactName}</bdi></span>}
        {request.workOrderId && request.workOrderNumber && (
          <span className="muted">
            {' · '}
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => openRecord({ kind: 'work-order', ref: { workOrderId: request.workOrderId! } })}
              aria-label={t('portalRequests.openWorkOrder', { number: request.workOrderNumber })}
              className="request-work-order"
              data-testid="portal-request-work-order"
            >
              <bdi>{request.workOrderNumber}</bdi>
            </Anchor>
          </span>
        )}
      </div>
      {/* The customer's own words, whole (line breaks kept): back office answers from them. */}
      {request.message && (
        <blockquote className="request-message" data-testid="portal-request-message">
          <span className="visually-hidden">{t('portalRequests.customerWrote')} </span>
          {request.message}
        </blockquote>
      )}
      {refusal && <Alert color="danger" role="alert" mt="xs">{refusal.reason}</Alert>}
      {run.isError && <Alert color="danger" role="alert" mt="xs">{run.error.message}</Alert>}
      <Group mt="xs">
        <Button
          variant="default"
          size="compact-sm"
          disabled={run.isPending}
          aria-label={t('portalRequests.markHandledLabel', { kind, account: request.accountName })}
          onClick={() => run.mutate(mutationCall('handlePortalRequest', { requestId: request.id, note: '' }))}
        >
          {run.isPending ? t('common.saving') : t('portalRequests.markHandled')}
        </Button>
      </Group>
    </Paper>
  );
}
