import { queryOptions } from '@tanstack/react-query';
import { emptyBoardFilter, type BoardView } from '../../shared/contract/board-views';
import type { DispatchApi } from '../../shared/contract/ipc-contract';

/** Queries used by more than one component: one key and one fetch each, so they share a cache entry. */

/** The board for `days` days from `date`, filtered (empty filter lists mean everything). */
export const boardQuery = (api: DispatchApi, date: string, timeZone: string, view: BoardView = { filter: emptyBoardFilter, days: 1 }) =>
  queryOptions({ queryKey: ['board', date, timeZone, view], queryFn: () => api.getBoard({ date, timeZone, days: view.days, ...view.filter }) });

export const openPortalRequestsQuery = (api: DispatchApi) =>
  queryOptions({ queryKey: ['portal-requests', 'open'], queryFn: () => api.listPortalRequests({ state: 'open' }) });

/** Reason codes change only when an administrator edits the list. */
export const reasonCodesQuery = (api: DispatchApi) =>
  queryOptions({ queryKey: ['reason-codes'], queryFn: () => api.listReasonCodes({}), staleTime: 5 * 60_000 });
