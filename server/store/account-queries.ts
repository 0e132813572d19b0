import type { AttemptTaken } from '../auth/attempt-store';
import type { Role } from '../../shared/contract/hub-http';
import type { MutationOutcome } from '../../shared/mutations/mutation-context';
import type { ActiveSession, AppliedMutationRecord, StoredSession, StoredUser } from './hub-store';
import type { SqlExecutor } from './sql-executor';

/** Users, sessions, recorded mutations and sign-in attempts: the same SQL on both engines but for placeholders. */

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
}

const toUser = (r: UserRow): StoredUser => ({ id: r.id, email: r.email, name: r.name, role: r.role, passwordHash: r.password_hash, createdAt: Number(r.created_at) });
const params = (ex: SqlExecutor, n: number) => Array.from({ length: n }, (_, i) => ex.dialect.param(i + 1)).join(', ');

/** E-mails are compared without case (SQLite: NOCASE column; PostgreSQL: a unique index on lower(email)). */
export async function findUserByEmail(ex: SqlExecutor, email: string): Promise<StoredUser | undefined> {
  const where = ex.dialect.name === 'postgres' ? 'lower(email) = lower($1)' : 'email = ?';
  const [row] = await ex.all<UserRow>(`SELECT * FROM users WHERE ${where}`, [email]);
  return row && toUser(row);
}

export async function insertUser(ex: SqlExecutor, user: StoredUser): Promise<void> {
  await ex.run(`INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (${params(ex, 6)})`, [
    user.id,
    user.email,
    user.name,
    user.role,
    user.passwordHash,
    user.createdAt,
  ]);
}

export async function countUsersWithRole(ex: SqlExecutor, role: Role): Promise<number> {
  const [row] = await ex.all<{ n: number }>(`SELECT COUNT(*) AS n FROM users WHERE role = ${ex.dialect.param(1)}`, [role]);
  return Number(row?.n ?? 0);
}

export async function insertSession(ex: SqlExecutor, session: StoredSession): Promise<void> {
  await ex.run(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (${params(ex, 4)})`, [session.tokenHash, session.userId, session.createdAt, session.expiresAt]);
}

export async function findSession(ex: SqlExecutor, tokenHash: string, now: number): Promise<ActiveSession | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<UserRow & { session_expires_at: number }>(
    `SELECT u.*, s.expires_at AS session_expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${p(1)} AND s.expires_at > ${p(2)}`,
    [tokenHash, now],
  );
  return row && { user: toUser(row), expiresAt: Number(row.session_expires_at) };
}

export async function deleteSession(ex: SqlExecutor, tokenHash: string): Promise<void> {
  await ex.run(`DELETE FROM sessions WHERE token_hash = ${ex.dialect.param(1)}`, [tokenHash]);
}

interface AppliedRow {
  id: string;
  name: string;
  args_hash: string;
  outcome_json: string;
  user_id: string;
  applied_at: number;
}

/**
 * The record of a mutation id. In PostgreSQL the id is first claimed for this transaction (an
 * advisory lock), so when two hub instances get the same retried id at once, the second waits
 * for the first to commit and then finds its record instead of applying the mutation again.
 */
export async function findAppliedMutation(ex: SqlExecutor, id: string, claim: boolean): Promise<AppliedMutationRecord | undefined> {
  if (claim && ex.dialect.name === 'postgres') await ex.all("SELECT pg_advisory_xact_lock(hashtextextended('mutation:' || $1, 0))", [id]);
  const [row] = await ex.all<AppliedRow>(`SELECT * FROM applied_mutations WHERE id = ${ex.dialect.param(1)}`, [id]);
  if (!row) return undefined;
  const outcome = JSON.parse(row.outcome_json) as MutationOutcome;
  return { id: row.id, name: row.name, argsHash: row.args_hash, outcome, userId: row.user_id, appliedAt: Number(row.applied_at) };
}

export async function recordAppliedMutation(ex: SqlExecutor, record: AppliedMutationRecord): Promise<void> {
  await ex.run(`INSERT INTO applied_mutations (id, name, args_hash, outcome_json, user_id, applied_at) VALUES (${params(ex, 6)})`, [
    record.id,
    record.name,
    record.argsHash,
    JSON.stringify(record.outcome),
    record.userId,
    record.appliedAt,
  ]);
}

/**
 * Counts a sign-in attempt unless `limit` lie within the window (see AttemptStore.take). The key
 * is locked first in PostgreSQL, so parallel attempts on several instances count one by one.
 */
export async function takeAttempt(ex: SqlExecutor, key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken> {
  const p = ex.dialect.param;
  if (ex.dialect.name === 'postgres') await ex.all("SELECT pg_advisory_xact_lock(hashtextextended('attempt:' || $1, 0))", [key]);
  await ex.run(`DELETE FROM sign_in_attempts WHERE expires_at <= ${p(1)}`, [now]);
  const recent = await ex.all<{ at: number }>(`SELECT at FROM sign_in_attempts WHERE key = ${p(1)} AND at > ${p(2)} ORDER BY at DESC LIMIT ${p(3)}`, [key, now - windowMs, limit]);
  if (recent.length >= limit) {
    // Parallel attempts reach the key's lock in any order, so an attempt counted "later" than
    // `now` is possible; nobody waits longer than one window.
    const oldestCounting = Number(recent[limit - 1]!.at);
    return { taken: false, retryAfterMs: Math.min(windowMs, Math.max(1, oldestCounting + windowMs - now)) };
  }
  await ex.run(`INSERT INTO sign_in_attempts (key, at, expires_at) VALUES (${params(ex, 3)})`, [key, now, now + windowMs]);
  return { taken: true };
}

export async function giveBackAttempt(ex: SqlExecutor, key: string, at: number): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(`DELETE FROM sign_in_attempts WHERE id IN (SELECT id FROM sign_in_attempts WHERE key = ${p(1)} AND at = ${p(2)} LIMIT 1)`, [key, at]);
}

export async function clearAttempts(ex: SqlExecutor, key: string): Promise<void> {
  await ex.run(`DELETE FROM sign_in_attempts WHERE key = ${ex.dialect.param(1)}`, [key]);
}
