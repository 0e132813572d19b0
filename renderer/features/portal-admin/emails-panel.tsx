import { Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Notification } from '../../../shared/domain/notification';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { EmailsSection } from '../work-order/emails-section';

const PAGE = 50;
type Filter = 'all' | Notification['state'];

/** Every e-mail the hub reported, newest first: what was sent, what waits, what failed and why; resend from here or open the work order. */
export function EmailsPanel() {
  const t = useT();
  const api = useApi();
  const { openRecord } = useNavigation();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['notifications', filter, page],
    queryFn: () => api.listNotifications({ state: filter === 'all' ? null : filter, offset: (page - 1) * PAGE, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm" pt="sm" data-testid="emails-panel">
      <SegmentedControl
        value={filter}
        onChange={(value) => {
          setFilter(value as Filter);
          setPage(1);
        }}
        aria-label={t('emails.filter')}
        data={[
          { value: 'all', label: t('emails.filter.all') },
          { value: 'failed', label: t('emails.filter.failed', { count: query.data?.counts.failed ?? 0 }) },
          { value: 'queued', label: t('emails.filter.queued', { count: query.data?.counts.queued ?? 0 }) },
          { value: 'sent', label: t('emails.state.sent') },
        ]}
      />
      <QueryState query={query} loadingLabel={t('emails.loading')}>
        {(list) => (
          <>
            <EmailsSection notifications={list.entries} onOpenWorkOrder={(number) => openRecord({ kind: 'work-order', ref: { number } })} />
            {list.total > PAGE && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">{t('emails.total', { count: list.total })}</Text>
                <Pagination total={Math.ceil(list.total / PAGE)} value={page} onChange={setPage} size="sm" />
              </Group>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
