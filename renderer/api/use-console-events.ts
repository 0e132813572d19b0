import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SyncStatus } from '../../shared/contract/ipc-contract';
import { useApi } from './api-context';

export const syncStatusKey = ['sync-status'] as const;

/** Every query whose answer comes from replica rows: refetched when the replica changes. */
const dataQueryRoots = ['board', 'calendar', 'booking', 'unscheduled', 'portal-requests', 'sync-issues', 'reason-codes'] as const;

/** Marks every data query stale; the ones on screen refetch at once. */
export function invalidateData(queryClient: QueryClient): Promise<void> {
  return Promise.all(dataQueryRoots.map((root) => queryClient.invalidateQueries({ queryKey: [root] }))).then(() => undefined);
}

/**
 * Subscribes once to the main process's notifications: `data-changed` refreshes what is on
 * screen, `sync-status` replaces the cached status the banner reads. Mount it once, near the root.
 */
export function useConsoleEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'sync-status') queryClient.setQueryData<SyncStatus>(syncStatusKey, event.status);
        else if (event.type === 'data-changed') void invalidateData(queryClient);
      }),
    [api, queryClient],
  );
}

/** The sync status: fetched once, then kept current by `sync-status` events. */
export function useSyncStatus() {
  const api = useApi();
  return useQuery({ queryKey: syncStatusKey, queryFn: () => api.getSyncStatus({}), staleTime: Infinity, retry: false });
}
