import { Badge, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { workOrderStatusMessages } from './work-order-labels';

/** An account with its contacts, assets and newest work orders; a work order opens in its place. */
export function AccountOverviewView({ accountId }: { accountId: string }) {
  const api = useApi();
  const t = useT();
  const { openRecord } = useNavigation();
  const query = useQuery({ queryKey: ['account', accountId], queryFn: () => api.getAccountOverview({ accountId }) });
  return (
    <QueryState query={query} loadingLabel={t('account.loading')}>
      {(account) => (
        <Stack gap="md" data-testid="account-overview">
          <div>
            <Title order={3} className="record-title"><bdi>{account.name}</bdi></Title>
            <Text c="dimmed"><bdi>{account.address}</bdi> · {account.territoryName}</Text>
          </div>
          <section aria-labelledby="account-contacts">
            <Title order={4} id="account-contacts" className="record-subheading">{t('account.contacts', { count: account.contacts.length })}</Title>
            <ul className="record-list">
              {account.contacts.map((c) => (
                <li key={c.id}><bdi>{c.name}</bdi> <span className="muted" dir="ltr">{c.email}</span></li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="account-assets">
            <Title order={4} id="account-assets" className="record-subheading">{t('account.assets', { count: account.assets.length })}</Title>
            <ul className="record-list">
              {account.assets.map((a) => (
                <li key={a.id}><bdi>{a.productName}</bdi> <span className="muted" dir="ltr">{a.serialNumber}</span></li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="account-work-orders">
            <Title order={4} id="account-work-orders" className="record-subheading">
              {t('account.workOrders', { shown: account.workOrders.length, count: account.workOrderCount })}
            </Title>
            <ul className="record-list">
              {account.workOrders.map((w) => (
                <li key={w.id}>
                  <Button variant="subtle" size="compact-sm" onClick={() => openRecord({ kind: 'work-order', ref: { workOrderId: w.id } })}>
                    <bdi>{w.number}</bdi>&nbsp;·&nbsp;<bdi>{w.summary}</bdi>
                  </Button>{' '}
                  <Badge variant="light" size="sm">{t(workOrderStatusMessages[w.status])}</Badge>
                </li>
              ))}
            </ul>
          </section>
        </Stack>
      )}
    </QueryState>
  );
}
