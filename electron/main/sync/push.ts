import type { PushResult } from '../../../shared/contract/hub-http';
import type { Replica } from '../db/open-replica';
import { setLastSuccess } from '../db/queries/sync-state-queries';
import { withWriteTransaction } from '../db/write-transaction';
import { HubError, type HubClient } from './hub-client';
import { markRefused, pendingMutations, recordFailedAttempt, recordServerError, removeFromOutbox, type OutboxEntry } from './outbox';

export interface PushSummary {
  applied: number;
  refused: number;
  /** Mutations that left the queue for the sync-issues panel after repeated server errors. */
  failed: number;
}

export interface PushOptions {
  now: () => number;
  batchSize?: number;
  /** Checked before each write; answers for a session that is no longer current are dropped. */
  stillCurrent?: () => boolean;
}

/**
 * Sends pending mutations in order, in batches. Applied → removed from the outbox; refused →
 * kept as 'refused' with code and reason (its optimistic effect goes at the next pull, by the
 * shadow restore); a per-mutation server error counts against that mutation only.
 *
 * An unreachable hub counts an attempt on the batch and stops (the caller goes offline and
 * retries later with the same ids). A whole push the hub failed on (5xx, or a 4xx it should not
 * have sent) is charged to the first mutation of the batch alone, and while that one has
 * server errors it is sent on its own — so one poison mutation is isolated, moves to the
 * sync-issues panel after a few tries, and never holds back the changes queued behind it.
 */
export async function push(db: Replica, client: HubClient, options: PushOptions): Promise<PushSummary> {
  const summary: PushSummary = { applied: 0, refused: 0, failed: 0 };
  const batchSize = options.batchSize ?? 100;
  const write = (work: () => void) =>
    withWriteTransaction(db, async () => {
      if (options.stillCurrent && !options.stillCurrent()) throw new HubError('unreachable', 'The hub connection changed while pushing; the answer was dropped.');
      work();
    });
  for (;;) {
    const batch = nextBatch(db, batchSize);
    if (batch.length === 0) return summary;
    let results: PushResult[];
    try {
      ({ results } = await client.push(batch.map((m) => ({ id: m.mutationId, name: m.name, args: m.args }))));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (chargeableToBatch(error)) {
        let movedAside = false;
        await write(() => {
          movedAside = recordServerError(db, batch[0]!.mutationId, message);
          recordFailedAttempt(db, batch.slice(1).map((m) => m.mutationId), message);
        });
        if (movedAside) {
          summary.failed += 1;
          continue;
        }
      } else {
        await write(() => recordFailedAttempt(db, batch.map((m) => m.mutationId), message));
      }
      throw error;
    }
    const sent = new Set(batch.map((m) => m.mutationId));
    await write(() => {
      for (const result of results) {
        if (!sent.has(result.id)) continue;
        applyResult(db, result, summary);
      }
      setLastSuccess(db, options.now());
    });
    const answered = results.filter((r) => sent.has(r.id)).length;
    if (answered < batch.length) throw new HubError('malformed', `The hub answered ${answered} of ${batch.length} mutations; the rest stay queued.`);
    // A server error leaves the mutation pending: stop here and let backoff space the retries.
    if (results.some((r) => r.status === 'refused' && r.code === 'server_error')) return summary;
  }
}

/** The head alone while it is suspected of failing the hub; otherwise a full batch. */
function nextBatch(db: Replica, batchSize: number): OutboxEntry[] {
  const batch = pendingMutations(db, batchSize);
  return batch[0] && batch[0].serverErrors > 0 ? batch.slice(0, 1) : batch;
}

function applyResult(db: Replica, result: PushResult, summary: PushSummary): void {
  if (result.status === 'applied') {
    removeFromOutbox(db, result.id);
    summary.applied += 1;
  } else if (result.code === 'server_error') {
    if (recordServerError(db, result.id, result.reason)) summary.failed += 1;
  } else {
    markRefused(db, result.id, result.code, result.reason);
    summary.refused += 1;
  }
}

/** The hub got the push and failed on it as a whole (not a network problem, not our session). */
function chargeableToBatch(error: unknown): boolean {
  return error instanceof HubError && (error.kind === 'server' || (error.kind === 'rejected' && error.status !== 429 && error.status !== 408));
}
