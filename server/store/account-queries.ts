import type Database from 'better-sqlite3';
import type { Role } from '../../shared/contract/hub-http';
import type { MutationOutcome } from '../../shared/mutations/mutation-context';
import type { ActiveSession, AppliedMutationRecord, StoredSession, StoredUser } from './hub-store';
import { statement } from './statement-cache';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
}

const toUser = (r: UserRow): StoredUser => ({ id: r.id, email: r.email, name: r.name, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at });

export function findUserByEmail(db: Database.Database, email: string): StoredUser | undefined {
  const row = statement(db, 'SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
  return row && toUser(row);
}

export function insertUser(db: Database.Database, user: StoredUser): void {
  statement(db, 'INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    user.id,
    user.email,
    user.name,
    user.role,
    user.passwordHash,
    user.createdAt,
  );
}

export function countUsersWithRole(db: Database.Database, role: Role): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM users WHERE role = ?').get(role) as { n: number }).n;
}

export function insertSession(db: Database.Database, session: StoredSession): void {
  statement(db, 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    session.tokenHash,
    session.userId,
    session.createdAt,
    session.expiresAt,
  );
}

export function findSession(db: Database.Database, tokenHash: string, now: number): ActiveSession | undefined {
  const row = statement(db, 'SELECT u.*, s.expires_at AS session_expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?').get(
    tokenHash,
    now,
  ) as (UserRow & { session_expires_at: number }) | undefined;
  return row && { user: toUser(row), expiresAt: row.session_expires_at };
}

export function deleteSession(db: Database.Database, tokenHash: string): void {
  statement(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

interface AppliedRow {
  id: string;
  name: string;
  args_hash: string;
  outcome_json: string;
  user_id: string;
  applied_at: number;
}

export function findAppliedMutation(db: Database.Database, id: string): AppliedMutationRecord | undefined {
  const row = statement(db, 'SELECT * FROM applied_mutations WHERE id = ?').get(id) as AppliedRow | undefined;
  if (!row) return undefined;
  const outcome = JSON.parse(row.outcome_json) as MutationOutcome;
  return { id: row.id, name: row.name, argsHash: row.args_hash, outcome, userId: row.user_id, appliedAt: row.applied_at };
}

export function recordAppliedMutation(db: Database.Database, record: AppliedMutationRecord): void {
  statement(db, 'INSERT INTO applied_mutations (id, name, args_hash, outcome_json, user_id, applied_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    record.id,
    record.name,
    record.argsHash,
    JSON.stringify(record.outcome),
    record.userId,
    record.appliedAt,
  );
}
