import type { SyncIssue } from '../../../shared/contract/ipc-contract';
import type { Replica } from '../db/open-replica';
import { prepareCached } from '../../../db-common/sqlite-statement-cache';

/**
 * The outbox: mutations the hub has not accepted yet (pending), refused (kept for the
 * sync-issues panel), or failed — the hub kept failing on them with server errors, so they wait
 * in the panel with their last error instead of blocking every change queued after them.
 */

/** Server errors on one mutation before it leaves the queue for the sync-issues panel. */
export const MAX_SERVER_ERRORS = 5;

export interface OutboxEntry {
  seq: number;
  mutationId: string;
  name: string;
  args: unknown;
  createdAt: number;
  attempts: number;
  serverErrors: number;
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
  state: 'pending' | 'refused' | 'failed';
  last_error: string | null;
  server_errors: number;
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
  return rows.map((r) => ({
    seq: r.seq,
    mutationId: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args_json) as unknown,
    createdAt: r.created_at,
    attempts: r.attempts,
    serverErrors: r.server_errors,
  }));
}

export function removeFromOutbox(db: Replica, mutationId: string): void {
  prepareCached(db, 'DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
}

export function markRefused(db: Replica, mutationId: string, code: string, reason: string): void {
  prepareCached(db, "UPDATE outbox SET state = 'refused', refusal_code = ?, refusal_reason = ?, attempts = attempts + 1 WHERE mutation_id = ?").run(code, reason, mutationId);
}

/** The hub could not be reached: counts an attempt, keeps the mutations pending. Call inside a write transaction. */
export function recordFailedAttempt(db: Replica, mutationIds: readonly string[], error: string): void {
  const update = prepareCached(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?');
  for (const id of mutationIds) update.run(error, id);
}

/**
 * The hub failed on this mutation (a server error). After MAX_SERVER_ERRORS it becomes 'failed'
 * and leaves the queue, so the changes after it flow. Returns whether it did. Call inside a write transaction.
 */
export function recordServerError(db: Replica, mutationId: string, error: string): boolean {
  const row = prepareCached(
    db,
    `UPDATE outbox SET attempts = attempts + 1, server_errors = server_errors + 1, last_error = ?,
       state = CASE WHEN server_errors + 1 >= ? THEN 'failed' ELSE state END
     WHERE mutation_id = ? AND state = 'pending' RETURNING state`,
  ).get(error, MAX_SERVER_ERRORS, mutationId) as { state: string } | undefined;
  return row?.state === 'failed';
}

/** Notes why a pending mutation could not be re-applied locally (the hub still judges it). */
export function recordLocalError(db: Replica, mutationId: string, error: string): void {
  prepareCached(db, 'UPDATE outbox SET last_error = ? WHERE mutation_id = ?').run(error, mutationId);
}

export function outboxCounts(db: Replica): { pending: number; refused: number; failed: number } {
  return prepareCached(
    db,
    "SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'refused'), 0) AS refused, COALESCE(SUM(state = 'failed'), 0) AS failed FROM outbox",
  ).get() as { pending: number; refused: number; failed: number };
}

export function listSyncIssues(db: Replica): SyncIssue[] {
  const rows = prepareCached(db, "SELECT * FROM outbox WHERE state IN ('refused', 'failed') ORDER BY seq").all() as OutboxSql[];
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args_json) as unknown,
    state: r.state === 'failed' ? 'failed' : 'refused',
    code: r.state === 'failed' ? 'server_error' : (r.refusal_code ?? 'refused'),
    reason: r.state === 'failed' ? (r.last_error ?? '') : (r.refusal_reason ?? ''),
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
  }));
}

export function dismissSyncIssue(db: Replica, mutationId: string): boolean {
  return prepareCached(db, "DELETE FROM outbox WHERE mutation_id = ? AND state IN ('refused', 'failed')").run(mutationId).changes > 0;
}

/**
 * Puts a failed mutation back in the queue at its original place (same id, so the hub still
 * applies it at most once; same order, so it replays after what it was typed after).
 */
export function retrySyncIssue(db: Replica, mutationId: string): boolean {
  return prepareCached(db, "UPDATE outbox SET state = 'pending', server_errors = 0 WHERE mutation_id = ? AND state = 'failed'").run(mutationId).changes > 0;
}

/** Local changes to demo data were never meant for a hub: connecting drops them with the demo. */
export function clearOutbox(db: Replica): void {
  prepareCached(db, 'DELETE FROM outbox').run();
}
