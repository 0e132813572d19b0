import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import type { ConsoleServices } from '../services';

export function getSyncStatus(services: ConsoleServices, _request: ParsedRequestOf<'getSyncStatus'>): ResponseOf<'getSyncStatus'> {
  return services.sync.status();
}

/** Errors (unreachable address, wrong password) reach the renderer as SyncUserError messages. */
export function connectHub(services: ConsoleServices, request: ParsedRequestOf<'connectHub'>): Promise<ResponseOf<'connectHub'>> {
  return services.sync.connect(request);
}

export function disconnectHub(services: ConsoleServices, _request: ParsedRequestOf<'disconnectHub'>): Promise<ResponseOf<'disconnectHub'>> {
  return services.sync.disconnect();
}

export function syncNow(services: ConsoleServices, _request: ParsedRequestOf<'syncNow'>): Promise<ResponseOf<'syncNow'>> {
  return services.sync.syncNow();
}

export function listSyncIssues(services: ConsoleServices, _request: ParsedRequestOf<'listSyncIssues'>): ResponseOf<'listSyncIssues'> {
  return services.sync.listIssues();
}

export function dismissSyncIssue(services: ConsoleServices, request: ParsedRequestOf<'dismissSyncIssue'>): ResponseOf<'dismissSyncIssue'> {
  return { dismissed: services.sync.dismissIssue(request.mutationId) };
}

export function retrySyncIssue(services: ConsoleServices, request: ParsedRequestOf<'retrySyncIssue'>): Promise<ResponseOf<'retrySyncIssue'>> {
  return services.sync.retryIssue(request.mutationId).then((retried) => ({ retried }));
}

/** Settings → "Re-download everything": the replica is rebuilt from the hub; unsent changes are kept. */
export function redownloadAll(services: ConsoleServices, _request: ParsedRequestOf<'redownloadAll'>): Promise<ResponseOf<'redownloadAll'>> {
  return services.sync.redownloadAll();
}
