import { Alert, Button, Group, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from './use-t';

interface Props<T> {
  query: UseQueryResult<T>;
  loadingLabel: string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) and data states of one query, so no screen is ever blank. */
export function QueryState<T>({ query, loadingLabel, children }: Props<T>) {
  const t = useT();
  if (query.isPending) {
    return (
      <Group className="query-state" role="status" aria-busy="true" gap="xs">
        <Loader size="xs" aria-hidden="true" /> {loadingLabel}
      </Group>
    );
  }
  if (query.isError) {
    return (
      <Alert className="query-state" color="danger" role="alert" m="md">
        <p className="query-state-message">{query.error.message}</p>
        <Button variant="default" size="compact-sm" onClick={() => void query.refetch()}>{t('common.tryAgain')}</Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
