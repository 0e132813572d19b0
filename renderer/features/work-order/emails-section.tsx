import { Alert, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { Notification } from '../../../shared/domain/notification';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { usePermission } from '../../components/use-permission';
import { useT } from '../../components/use-t';

const stateLabels: Record<Notification['state'], MessageKey> = { queued: 'emails.state.queued', sent: 'emails.state.sent', failed: 'emails.state.failed' };
const stateColors: Record<Notification['state'], string> = { queued: 'warning', sent: 'success', failed: 'danger' };
const kindLabels: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['booking_confirmed', 'emails.kind.booking_confirmed'],
  ['booking_moved', 'emails.kind.booking_moved'],
  ['booking_canceled', 'emails.kind.booking_canceled'],
  ['technician_on_the_way', 'emails.kind.technician_on_the_way'],
  ['visit_completed', 'emails.kind.visit_completed'],
  ['booking_reminder', 'emails.kind.booking_reminder'],
  ['invitation', 'emails.kind.invitation'],
  ['password_reset', 'emails.kind.password_reset'],
]);

/** What the hub e-mailed about the work order's bookings (learned by sync): sent, waiting or failed and why; back office can send one again. */
export function EmailsSection({ notifications, onOpenWorkOrder }: { notifications: readonly (Notification & { workOrderNumber?: string | null })[]; onOpenWorkOrder?: (number: string) => void }) {
  const t = useT();
  const intl = useIntl();
  const run = useRunMutation();
  const permission = usePermission('resendNotification');
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome : null;
  if (notifications.length === 0) return <Text c="dimmed">{t('emails.empty')}</Text>;
  const resend = (n: Notification) => run.mutate(mutationCall('resendNotification', { notificationId: n.id, resendId: crypto.randomUUID() }));
  return (
    <>
      {refusal && <Alert color="danger" role="alert" mb="sm">{refusal.reason}</Alert>}
      {run.isError && <Alert color="danger" role="alert" mb="sm">{run.error.message}</Alert>}
      <ol className="record-list" data-testid="emails">
        {notifications.map((n) => (
          <li key={n.id} className="record-item" data-testid="email" data-state={n.state}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Group gap="xs">
                  <strong>{t(kindLabels.get(n.kind) ?? 'emails.kind.other')}</strong>
                  <Badge color={stateColors[n.state]} variant="light">{t(stateLabels[n.state])}</Badge>
                  {n.resendOf && <Badge variant="outline">{t('emails.resendOf')}</Badge>}
                  {onOpenWorkOrder && n.workOrderNumber && (
                    <Button variant="subtle" size="compact-xs" onClick={() => onOpenWorkOrder(n.workOrderNumber!)}><bdi>{n.workOrderNumber}</bdi></Button>
                  )}
                </Group>
                <Text size="sm"><bdi>{n.subject}</bdi></Text>
                <Text size="sm" c="dimmed">
                  {t('emails.to', { recipient: n.recipient })} · {t('emails.created', { when: formatInstant(intl, n.createdAt) })}
                  {n.sentAt !== null && <> · {t('emails.sentAt', { when: formatInstant(intl, n.sentAt) })}</>} · {t('emails.attempts', { count: n.attempts })}
                </Text>
                {n.lastError && <Text size="sm" c="red" data-testid="email-error">{t('emails.error', { error: n.lastError })}</Text>}
              </div>
              {n.state !== 'queued' && (
                <Tooltip label={permission.reason} disabled={permission.allowed}>
                  <Button size="compact-sm" variant="default" onClick={() => resend(n)} disabled={!permission.allowed || run.isPending} style={{ flexShrink: 0 }}>
                    {t('emails.resend')}
                  </Button>
                </Tooltip>
              )}
            </Group>
          </li>
        ))}
      </ol>
    </>
  );
}
