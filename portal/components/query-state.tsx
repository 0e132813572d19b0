import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { useErrorText } from './error-text';

/** Loading, error (translated, with a retry) and data states of one query: no screen is ever blank. */
export function QueryState<T>({ query, loadingLabel, children }: { query: UseQueryResult<T>; loadingLabel: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A failed read, translated, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <Alert color="danger" role="alert">
      <Text size="sm" mb="xs">{errorText(error)}</Text>
      <Button variant="default" size="compact-sm" onClick={onRetry}>{t('common.tryAgain')}</Button>
    </Alert>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <Group role="status" aria-live="polite" gap="xs" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/** A failed action, translated; announced to screen readers. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="danger" role="alert">
      {message}
    </Alert>
  );
}
