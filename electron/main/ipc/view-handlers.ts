import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { boardFilterOptions, deleteView, listSavedViews, saveView } from '../db/queries/saved-view-queries';
import type { ConsoleServices } from '../services';

/** Views are the signed-in hub user's; before any hub, the computer's local user's. */
function userKey(services: ConsoleServices): string {
  return services.sync.status().user?.id ?? 'local';
}

export function listBoardViews(services: ConsoleServices, _request: ParsedRequestOf<'listBoardViews'>): ResponseOf<'listBoardViews'> {
  return listSavedViews(services.db, userKey(services));
}

export function saveBoardView(services: ConsoleServices, request: ParsedRequestOf<'saveBoardView'>): ResponseOf<'saveBoardView'> {
  return saveView(services.db, userKey(services), request.name, request.view, services.now());
}

export function deleteBoardView(services: ConsoleServices, request: ParsedRequestOf<'deleteBoardView'>): ResponseOf<'deleteBoardView'> {
  return { deleted: deleteView(services.db, userKey(services), request.id) };
}

export function listBoardFilterOptions(services: ConsoleServices, _request: ParsedRequestOf<'listBoardFilterOptions'>): ResponseOf<'listBoardFilterOptions'> {
  return boardFilterOptions(services.db);
}
