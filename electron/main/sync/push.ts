import type { Replica } from '../db/open-replica';
import { setLastSuccess } from '../db/queries/sync-state-queries';
import { withWriteTransaction } from '../db/write-transaction';
import { HubError, type HubClient } from './hub-client';
import { markRefused, pendingMutations, recordFailedAttempt, removeFromOutbox } from './outbox';

export interface PushSummary {
  applied: number;
  refused: number;
}

/**
 * Sends pending mutations in order, in batches. Applied → removed from the outbox; refused →
 * kept as 'refused' with code and reason (its optimistic effect goes at the next pull, by the
 * shadow restore). A network error or 5xx counts an attempt on the batch and stops; the error
 * is rethrown so the caller can go offline and retry later with the same mutation ids.
 */
export async function push(db: Replica, client: HubClient, options: { now: () => number; batchSize?: number }): Promise<PushSummary> {
  const summary: PushSummary = { applied: 0, refused: 0 };
  const batchSize = options.batchSize ?? 100;
  for (;;) {
    const batch = pendingMutations(db, batchSize);
    if (batch.length === 0) return summary;
    let results;
    try {
      ({ results } = await client.push(batch.map((m) => ({ id: m.mutationId, name: m.name, args: m.args }))));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await withWriteTransaction(db, async () => recordFailedAttempt(db, batch.map((m) => m.mutationId), message));
      throw error;
    }
    const sent = new Set(batch.map((m) => m.mutationId));
    await withWriteTransaction(db, async () => {
      for (const result of results) {
        if (!sent.has(result.id)) continue;
        if (result.status === 'applied') {
          removeFromOutbox(db, result.id);
          summary.applied += 1;
        } else {
          markRefused(db, result.id, result.code, result.reason);
          summary.refused += 1;
        }
      }
      setLastSuccess(db, options.now());
    });
    const answered = results.filter((r) => sent.has(r.id)).length;
    if (answered < batch.length) throw new HubError('malformed', `The hub answered ${answered} of ${batch.length} mutations; the rest stay queued.`);
  }
}
