import { useDraggable } from '@dnd-kit/core';
import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { WorkOrderSummary } from '../../../shared/contract/ipc-contract';
import type { Priority } from '../../../shared/domain/entities';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import type { WorkOrderDragData } from '../dispatch/drag/board-dnd';
import { usePanels } from '../dispatch/side-panels';

export const priorityLabels: Record<Priority, MessageKey> = {
  low: 'priority.low',
  normal: 'priority.normal',
  high: 'priority.high',
  urgent: 'priority.urgent',
};
const priorityColors: Record<Priority, string> = { low: 'gray', normal: 'gray', high: 'warning', urgent: 'danger' };

/**
 * Work orders waiting for a technician, most urgent first. On the board page each can be dragged
 * onto a technician and time (pointer, or Space then arrows), or booked from "Find availability";
 * urgent ones offer "Fit in now".
 */
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
              {orders.map((wo) => (
                <UnscheduledItem key={wo.id} workOrder={wo} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function UnscheduledItem({ workOrder: wo }: { workOrder: WorkOrderSummary }) {
  const t = useT();
  const panels = usePanels();
  const priority = t(priorityLabels[wo.priority]);
  const drag = useDraggable({
    id: `work-order:${wo.id}`,
    data: { kind: 'workOrder', workOrderId: wo.id, number: wo.number, summary: wo.summary, durationMinutes: wo.durationMinutes, version: wo.version } satisfies WorkOrderDragData,
    disabled: !panels,
    attributes: { roleDescription: t('unscheduled.draggable') },
  });
  return (
    <Paper
      component="li"
      withBorder
      ref={drag.setNodeRef}
      {...drag.attributes}
      {...drag.listeners}
      role={undefined}
      aria-disabled={undefined}
      className={drag.isDragging ? 'work-order-item work-order-item--dragging' : 'work-order-item'}
      tabIndex={0}
      aria-label={t('unscheduled.itemLabel', { number: wo.number, summary: wo.summary, priority })}
      data-testid="unscheduled-item"
      data-work-order-id={wo.id}
    >
      <div className="work-order-line">
        <strong>{wo.number}</strong>
        <Badge size="sm" variant="light" color={priorityColors[wo.priority]} data-priority={wo.priority}>{priority}</Badge>
      </div>
      <div><bdi>{wo.summary}</bdi></div>
      {/* Names keep their own direction inside a right-to-left line. */}
      <Text c="dimmed" size="sm">
        <bdi>{wo.accountName}</bdi> · <bdi>{wo.territoryName}</bdi> · {t('common.minutes', { minutes: wo.durationMinutes })}
      </Text>
      {panels && (
        <Group gap={4} mt={6}>
          {/* Buttons inside a draggable item: their own keys and clicks must not start a drag. */}
          <Button size="compact-xs" variant="default" onPointerDown={stop} onKeyDown={stop} onClick={() => panels.open({ kind: 'availability', target: { workOrderId: wo.id }, reference: wo.number })} aria-label={t('unscheduled.findLabel', { number: wo.number })}>
            {t('unscheduled.find')}
          </Button>
          <Button size="compact-xs" variant={wo.priority === 'urgent' ? 'filled' : 'default'} color={wo.priority === 'urgent' ? 'danger' : undefined} onPointerDown={stop} onKeyDown={stop} onClick={() => panels.open({ kind: 'fit-in', workOrderId: wo.id, reference: wo.number })} aria-label={t('unscheduled.fitInLabel', { number: wo.number })}>
            {t('unscheduled.fitIn')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function stop(event: { stopPropagation(): void }): void {
  event.stopPropagation();
}
