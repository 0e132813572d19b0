import { Badge, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Priority } from '../../../shared/domain/entities';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';

export const priorityLabels: Record<Priority, MessageKey> = {
  low: 'priority.low',
  normal: 'priority.normal',
  high: 'priority.high',
  urgent: 'priority.urgent',
};
const priorityColors: Record<Priority, string> = { low: 'gray', normal: 'gray', high: 'warning', urgent: 'danger' };

/** Work orders waiting for a technician, most urgent first. */
export function UnscheduledPane() {
  const api = useApi();
  const t = useT();
  const query = useQuery({ queryKey: ['unscheduled'], queryFn: () => api.listUnscheduledWorkOrders({}) });
  return (
    <section className="side-pane" aria-labelledby="unscheduled-heading">
      <Title order={2} id="unscheduled-heading" className="side-pane-title">{t('unscheduled.heading')}</Title>
      <QueryState query={query} loadingLabel={t('unscheduled.loading')}>
        {(orders) =>
          orders.length === 0 ? (
            <Text c="dimmed">{t('unscheduled.empty')}</Text>
          ) : (
            <ul className="work-order-list" data-testid="unscheduled-list">
              {orders.map((wo) => {
                const priority = t(priorityLabels[wo.priority]);
                return (
                  <Paper component="li" withBorder key={wo.id} className="work-order-item" tabIndex={0} aria-label={t('unscheduled.itemLabel', { number: wo.number, summary: wo.summary, priority })}>
                    <div className="work-order-line">
                      <strong>{wo.number}</strong>
                      <Badge size="sm" variant="light" color={priorityColors[wo.priority]} data-priority={wo.priority}>{priority}</Badge>
                    </div>
                    <div><bdi>{wo.summary}</bdi></div>
                    {/* Names keep their own direction inside a right-to-left line. */}
                    <Text c="dimmed" size="sm">
                      <bdi>{wo.accountName}</bdi> · <bdi>{wo.territoryName}</bdi> · {t('common.minutes', { minutes: wo.durationMinutes })}
                    </Text>
                  </Paper>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
