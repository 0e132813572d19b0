import type { MutationOutcome } from '../../../shared/mutations/mutation-context';
import { runMutation } from '../../../shared/mutations/mutation-registry';
import type { EntityName } from '../../../shared/sync/synced-entities';
import type { Replica } from '../db/open-replica';
import { ReplicaMutationTx } from '../db/replica-mutation-tx';
import { withSavepoint, withWriteTransaction } from '../db/write-transaction';
import { appendToOutbox, pendingMutations, recordLocalError, type OutboxEntry } from './outbox';

export interface LocalMutationRequest {
  mutationId: string;
  name: string;
  args: unknown;
  actor: string;
  now: number;
  /** With a hub: record the shadow and append to the outbox in the same transaction. */
  queue: boolean;
}

/**
 * Runs a named mutation against the replica: applied → committed (with its outbox entry when
 * queued); refused → rolled back, nothing stored. One write transaction either way.
 */
export async function applyLocalMutation(db: Replica, request: LocalMutationRequest): Promise<{ outcome: MutationOutcome; touched: Set<EntityName> }> {
  let touched = new Set<EntityName>();
  let outcome: MutationOutcome = { status: 'applied' };
  await withWriteTransaction(db, async () => {
    await withSavepoint(db, async () => {
      const tx = new ReplicaMutationTx(db, { actor: request.actor, now: () => request.now, shadow: request.queue });
      outcome = await runMutation(tx, { actor: request.actor, now: request.now }, { name: request.name, args: request.args });
      touched = tx.touched;
      if (outcome.status !== 'applied') return false;
      if (request.queue) appendToOutbox(db, { mutationId: request.mutationId, name: request.name, args: request.args, createdAt: request.now });
      return true;
    });
  });
  return { outcome, touched: outcome.status === 'applied' ? touched : new Set() };
}

/** Told about a pending mutation that threw while being re-applied (a bug, never a business refusal). */
export type RebaseErrorListener = (entry: OutboxEntry, error: unknown) => void;

/**
 * Re-applies every pending mutation, in order, over the replica's current (server) state. Call
 * inside a write transaction. Each runs in its own SAVEPOINT: one that no longer applies
 * locally is rolled back but stays pending — the hub has the last word on it. One that throws
 * is rolled back too, its error kept on the outbox entry (shown in the sync-issues panel) and
 * reported to `onError` for the log.
 */
export async function rebasePending(db: Replica, actor: string, onError: RebaseErrorListener): Promise<Set<EntityName>> {
  const touched = new Set<EntityName>();
  for (const entry of pendingMutations(db)) {
    const tx = new ReplicaMutationTx(db, { actor, now: () => entry.createdAt, shadow: true });
    try {
      await withSavepoint(db, async () => {
        const outcome = await runMutation(tx, { actor, now: entry.createdAt }, { name: entry.name, args: entry.args });
        return outcome.status === 'applied';
      });
      tx.touched.forEach((e) => touched.add(e));
    } catch (error) {
      recordLocalError(db, entry.mutationId, `Could not be re-applied on this computer: ${error instanceof Error ? error.message : String(error)}`);
      onError(entry, error);
    }
  }
  return touched;
}
