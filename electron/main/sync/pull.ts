import type { EntityName } from '../../../shared/sync/synced-entities';
import { applyRowChange } from '../db/apply-row-change';
import type { Replica } from '../db/open-replica';
import { readSyncState, setCursor, setLastSuccess } from '../db/queries/sync-state-queries';
import { restoreShadow } from '../db/replica-mutation-tx';
import { withWriteTransaction } from '../db/write-transaction';
import type { HubClient } from './hub-client';
import { rebasePending } from './local-mutation';

export interface PullOptions {
  actor: string;
  now: () => number;
  pageSize?: number;
  /** Called after each page with the number of rows received so far. */
  onProgress?: (received: number) => void;
}

/**
 * Pulls every page after the cursor. Each page commits in one transaction: shadowed rows go
 * back to their server state, the page's changes apply, the cursor advances, and the pending
 * mutations are re-applied on top — so the replica never commits a state without them. A
 * malformed page fails validation in the client before anything is written.
 */
export async function pull(db: Replica, client: HubClient, options: PullOptions): Promise<{ received: number; touched: Set<EntityName> }> {
  const touched = new Set<EntityName>();
  let received = 0;
  let cursor = readSyncState(db).cursor;
  for (;;) {
    const page = await client.pull(cursor, options.pageSize ?? 1000);
    const next = Math.max(cursor, page.cursor);
    await withWriteTransaction(db, async () => {
      // References inside one page may point forward (a booking before its new technician).
      db.pragma('defer_foreign_keys = ON');
      restoreShadow(db).forEach((e) => touched.add(e));
      for (const change of page.changes) {
        applyRowChange(db, change);
        touched.add(change.entity);
      }
      setCursor(db, next);
      setLastSuccess(db, options.now());
      (await rebasePending(db, options.actor)).forEach((e) => touched.add(e));
    });
    received += page.changes.length;
    cursor = next;
    options.onProgress?.(received);
    if (!page.hasMore || page.changes.length === 0) break;
  }
  return { received, touched };
}
