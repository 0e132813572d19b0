import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SyncStatus } from '../../shared/contract/ipc-contract';
import { useApi } from './api-context';

export const syncStatusKey = ['sync-status'] as const;

/** Every query whose answer comes from replica rows: refetched when the replica changes. */
const dataQueryRoots = new Set<unknown>([
  'board',
  'calendar',
  'booking',
  'unscheduled',
  'portal-requests',
  'sync-issues',
  'reason-codes',
  // The dispatcher's actions (features/dispatch): the rules' data, rankings and the review queue.
  'scheduling-context',
  'availability',
  'fit-in',
  'review-queue',
  // Search, records and views (issue 12): the palette, work order and account detail, the map, saved views.
  'work-order',
  'account',
  'search',
  'map',
  'board-views',
  // The console side of the portal (features/portal-admin): contacts with invitations, portal settings.
  'contacts',
  'portal-settings',
  // Notifications (issue 13): the e-mails the hub reported.
  'notifications',
]);

/** Marks every data query stale in one pass over the cache; the ones on screen refetch at once. */
export function invalidateData(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => dataQueryRoots.has(query.queryKey[0]) });
}

/** After a local write: the data on screen and the pending count both changed. */
export async function refreshAfterWrite(queryClient: QueryClient): Promise<void> {
  await Promise.all([invalidateData(queryClient), queryClient.invalidateQueries({ queryKey: syncStatusKey })]);
}

/** A sync call answered with the new status: show it, and refresh the data it may have brought. */
export function applySyncStatus(queryClient: QueryClient, status: SyncStatus): void {
  queryClient.setQueryData(syncStatusKey, status);
  void invalidateData(queryClient);
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
