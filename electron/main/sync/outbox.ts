import type { SyncIssue } from '../../../shared/contract/ipc-contract';
import type { Replica } from '../db/open-replica';
import { prepareCached } from '../db/statement-cache';

/** The outbox: mutations the hub has not accepted yet (pending) or refused (kept for the sync-issues panel). */

export interface OutboxEntry {
  seq: number;
  mutationId: string;
  name: string;
  args: unknown;
  createdAt: number;
  attempts: number;
}

interface OutboxSql {
  seq: number;
  mutation_id: string;
  name: string;
  args_json: string;
  created_at: number;
  attempts: number;
  refusal_code: string | null;
  refusal_reason: string | null;
}

/** Call inside the same write transaction as the local mutation, so both commit or neither. */
export function appendToOutbox(db: Replica, entry: { mutationId: string; name: string; args: unknown; createdAt: number }): void {
  prepareCached(db, "INSERT INTO outbox (mutation_id, name, args_json, created_at, state) VALUES (?, ?, ?, ?, 'pending')").run(
    entry.mutationId,
    entry.name,
    JSON.stringify(entry.args ?? null),
    entry.createdAt,
  );
}

export function pendingMutations(db: Replica, limit = 1_000_000): OutboxEntry[] {
  const rows = prepareCached(db, "SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?").all(limit) as OutboxSql[];
  return rows.map((r) => ({ seq: r.seq, mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args_json) as unknown, createdAt: r.created_at, attempts: r.attempts }));
}

export function removeFromOutbox(db: Replica, mutationId: string): void {
  prepareCached(db, 'DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
}

export function markRefused(db: Replica, mutationId: string, code: string, reason: string): void {
  prepareCached(db, "UPDATE outbox SET state = 'refused', refusal_code = ?, refusal_reason = ?, attempts = attempts + 1 WHERE mutation_id = ?").run(code, reason, mutationId);
}

/** Call inside a write transaction. */
export function recordFailedAttempt(db: Replica, mutationIds: readonly string[], error: string): void {
  const update = prepareCached(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?');
  for (const id of mutationIds) update.run(error, id);
}

export function outboxCounts(db: Replica): { pending: number; refused: number } {
  const row = prepareCached(db, "SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'refused'), 0) AS refused FROM outbox")
    .get() as { pending: number; refused: number };
  return row;
}

export function listSyncIssues(db: Replica): SyncIssue[] {
  const rows = prepareCached(db, "SELECT * FROM outbox WHERE state = 'refused' ORDER BY seq").all() as OutboxSql[];
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args_json) as unknown,
    code: r.refusal_code ?? 'refused',
    reason: r.refusal_reason ?? '',
    createdAt: r.created_at,
  }));
}

export function dismissSyncIssue(db: Replica, mutationId: string): boolean {
  return prepareCached(db, "DELETE FROM outbox WHERE mutation_id = ? AND state = 'refused'").run(mutationId).changes > 0;
}

/** Local changes to demo data were never meant for a hub: connecting drops them with the demo. */
export function clearOutbox(db: Replica): void {
  prepareCached(db, 'DELETE FROM outbox').run();
}
