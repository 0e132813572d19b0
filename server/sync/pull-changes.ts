import type { PullResponse } from '../../shared/contract/hub-http';
import type { HubStore } from '../store/hub-store';

export class CursorFromFutureError extends Error {
  constructor(cursor: number, latest: number) {
    super(`cursor ${cursor} is ahead of this hub (latest change ${latest}): the replica synced with another hub or with this one before a restore; start it over`);
    this.name = 'CursorFromFutureError';
  }
}

/**
 * One page of changes after `cursor`. A cursor beyond the hub's latest change means the replica
 * synced with another (or a restored) hub, and pulling "nothing new" would hide that.
 */
export async function pullChanges(store: HubStore, cursor: number, limit: number): Promise<PullResponse> {
  return store.read(async (tx) => {
    const latest = await tx.latestChange();
    if (cursor > latest) throw new CursorFromFutureError(cursor, latest);
    const page = await tx.changesAfter(cursor, limit + 1);
    const changes = page.slice(0, limit);
    return { hub: await tx.identity(), changes, cursor: changes.at(-1)?.changeNumber ?? cursor, hasMore: page.length > limit, latest };
  });
}
