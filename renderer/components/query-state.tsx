import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface Props<T> {
  query: UseQueryResult<T>;
  loadingLabel: string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) and data states of one query, so no screen is ever blank. */
export function QueryState<T>({ query, loadingLabel, children }: Props<T>) {
  if (query.isPending) {
    return (
      <div className="query-state" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> {loadingLabel}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="query-state query-state-error" role="alert">
        <p>{query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()}>Try again</button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
