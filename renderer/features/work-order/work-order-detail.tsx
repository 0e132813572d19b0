import { Badge, Button, CopyButton, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { deepLinkFor } from '../../../shared/contract/deep-link';
import type { WorkOrderDetail, WorkOrderRef } from '../../../shared/contract/work-order-detail';
import { formatInstant, formatInstantRange } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';
import { useStatusLabel } from '../../components/status-label';
import { useT } from '../../components/use-t';
import { AuditTrail } from './audit-trail';
import { CommentsSection } from './comments-section';
import { EmailsSection } from './emails-section';
import { portalRequestKindMessages, priorityMessages, workOrderStatusMessages } from './work-order-labels';

/** Everything about one work order: its fields, bookings, history, comments and portal requests, as tabs. */
export function WorkOrderDetailView({ workOrderRef }: { workOrderRef: WorkOrderRef }) {
  const api = useApi();
  const t = useT();
  const query = useQuery({ queryKey: ['work-order', workOrderRef], queryFn: () => api.getWorkOrderDetail(workOrderRef) });
  return (
    <QueryState query={query} loadingLabel={t('workOrder.loading')}>
      {(wo) => (
        <Stack gap="sm" data-testid="work-order-detail" data-number={wo.number}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Title order={3} className="record-title"><bdi>{wo.number}</bdi> · <bdi>{wo.summary}</bdi></Title>
              <Badge variant="light" data-testid="work-order-status">{t(workOrderStatusMessages[wo.status])}</Badge>
            </div>
            <CopyButton value={deepLinkFor({ kind: 'work-order', number: wo.number })}>
              {({ copied, copy }) => (
                <Button variant="default" size="compact-sm" onClick={copy} style={{ flexShrink: 0 }}>{copied ? t('workOrder.linkCopied') : t('workOrder.copyLink')}</Button>
              )}
            </CopyButton>
          </Group>
          <Tabs defaultValue="details" keepMounted={false}>
            <Tabs.List aria-label={t('workOrder.sections')}>
              <Tabs.Tab value="details">{t('workOrder.tab.details')}</Tabs.Tab>
              <Tabs.Tab value="bookings">{t('workOrder.tab.bookings', { count: wo.bookings.length })}</Tabs.Tab>
              <Tabs.Tab value="history">{t('workOrder.tab.history', { count: wo.audit.length })}</Tabs.Tab>
              <Tabs.Tab value="comments">{t('workOrder.tab.comments', { count: wo.comments.length })}</Tabs.Tab>
              <Tabs.Tab value="requests">{t('workOrder.tab.requests', { count: wo.portalRequests.length })}</Tabs.Tab>
              <Tabs.Tab value="emails">{t('workOrder.tab.emails', { count: wo.notifications.length })}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="details" pt="sm"><Fields wo={wo} /></Tabs.Panel>
            <Tabs.Panel value="bookings" pt="sm"><Bookings wo={wo} /></Tabs.Panel>
            <Tabs.Panel value="history" pt="sm"><AuditTrail entries={wo.audit} /></Tabs.Panel>
            <Tabs.Panel value="comments" pt="sm"><CommentsSection workOrderId={wo.id} comments={wo.comments} /></Tabs.Panel>
            <Tabs.Panel value="requests" pt="sm"><PortalRequests wo={wo} /></Tabs.Panel>
            <Tabs.Panel value="emails" pt="sm"><EmailsSection notifications={wo.notifications} /></Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}

function Fields({ wo }: { wo: WorkOrderDetail }) {
  const t = useT();
  const intl = useIntl();
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl className="detail-list" data-testid="work-order-fields">
      {row(t('workOrder.field.account'), <><bdi>{wo.account.name}</bdi><br /><span className="muted"><bdi>{wo.account.address}</bdi> · {wo.account.territoryName}</span></>)}
      {row(t('workOrder.field.contact'), wo.contact ? <><bdi>{wo.contact.name}</bdi> <span className="muted" dir="ltr">{wo.contact.email}</span></> : '—')}
      {row(t('workOrder.field.asset'), wo.asset ? <><bdi>{wo.asset.productName}</bdi> <span className="muted" dir="ltr">{wo.asset.serialNumber}</span></> : '—')}
      {row(t('workOrder.field.incidentType'), <>{wo.incidentTypeName} · {t('common.minutes', { minutes: wo.durationMinutes })}</>)}
      {row(t('workOrder.field.priority'), t(priorityMessages[wo.priority]))}
      {row(t('workOrder.field.type'), wo.workOrderType ?? '—')}
      {row(t('workOrder.field.source'), wo.source === 'portal' ? t('workOrder.source.portal') : t('workOrder.source.console'))}
      {row(t('workOrder.field.promised'), wo.promisedWindow ? formatInstantRange(intl, wo.promisedWindow.start, wo.promisedWindow.end) : '—')}
      {wo.customerComments && row(t('workOrder.field.customerComments'), wo.customerComments)}
    </dl>
  );
}

function Bookings({ wo }: { wo: WorkOrderDetail }) {
  const t = useT();
  const intl = useIntl();
  const statusLabel = useStatusLabel();
  if (wo.bookings.length === 0) return <Text c="dimmed">{t('workOrder.noBookings')}</Text>;
  return (
    <ul className="record-list" data-testid="work-order-bookings">
      {wo.bookings.map((b) => (
        <li key={b.id} className="record-item" data-booking-id={b.id}>
          <Group justify="space-between" wrap="nowrap">
            <strong><bdi>{b.resourceName}</bdi></strong>
            <Badge variant="light" className={`status-chip status-${b.status}`}>{statusLabel(b.status)}</Badge>
          </Group>
          <div>{formatInstantRange(intl, b.start, b.end)}</div>
          <div className="muted">
            {b.assignmentOrigin === 'auto' ? t('booking.assigned.auto') : t('booking.assigned.manual')}
            {b.cancellationReasonLabel ? ` · ${t('workOrder.canceledBecause', { reason: b.cancellationReasonLabel })}${b.cancellationNote ? `: ${b.cancellationNote}` : ''}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}

function PortalRequests({ wo }: { wo: WorkOrderDetail }) {
  const t = useT();
  const intl = useIntl();
  if (wo.portalRequests.length === 0) return <Text c="dimmed">{t('workOrder.noRequests')}</Text>;
  return (
    <ul className="record-list" data-testid="work-order-requests">
      {wo.portalRequests.map((r) => (
        <li key={r.id} className="record-item">
          <Group justify="space-between" wrap="nowrap">
            <strong>{t(portalRequestKindMessages[r.kind])}</strong>
            <span className="muted">{formatInstant(intl, r.createdAt)}</span>
          </Group>
          {r.message && <p className="request-message">{r.message}</p>}
          <div className="muted">
            {r.state === 'handled' && r.handledBy && r.handledAt
              ? t('workOrder.requestHandled', { who: r.handledBy, when: formatInstant(intl, r.handledAt) })
              : t('workOrder.requestOpen')}
          </div>
        </li>
      ))}
    </ul>
  );
}
