import type { PortalLanguage } from '../../../shared/contract/portal-http';
import type { SqlExecutor } from '../sql-executor';
import { numberOrNull, placeholders } from './sql-params';

/** Portal profiles, invitation and reset codes, invited e-mails and portal sessions: never synced. */

export interface PortalProfile {
  contactId: string;
  emailKey: string;
  passwordHash: string;
  language: PortalLanguage;
  createdAt: number;
}

interface ProfileRow {
  contact_id: string;
  email_key: string;
  password_hash: string;
  language: PortalLanguage;
  created_at: number;
}

const toProfile = (r: ProfileRow): PortalProfile => ({
  contactId: r.contact_id,
  emailKey: r.email_key,
  passwordHash: r.password_hash,
  language: r.language,
  createdAt: Number(r.created_at),
});

/** E-mails are keys without case: one customer, however they type it. */
export const emailKey = (email: string) => email.trim().toLowerCase();

export async function findProfileByEmail(ex: SqlExecutor, email: string): Promise<PortalProfile | undefined> {
  const [row] = await ex.all<ProfileRow>(`SELECT * FROM portal_profiles WHERE email_key = ${ex.dialect.param(1)}`, [emailKey(email)]);
  return row && toProfile(row);
}

export async function findProfile(ex: SqlExecutor, contactId: string): Promise<PortalProfile | undefined> {
  const [row] = await ex.all<ProfileRow>(`SELECT * FROM portal_profiles WHERE contact_id = ${ex.dialect.param(1)}`, [contactId]);
  return row && toProfile(row);
}

export async function insertProfile(ex: SqlExecutor, profile: PortalProfile): Promise<void> {
  await ex.run(
    `INSERT INTO portal_profiles (contact_id, email_key, password_hash, language, created_at, updated_at) VALUES (${placeholders(ex, 6)})`,
    [profile.contactId, profile.emailKey, profile.passwordHash, profile.language, profile.createdAt, profile.createdAt],
  );
}

export async function updatePassword(ex: SqlExecutor, contactId: string, passwordHash: string, now: number): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(`UPDATE portal_profiles SET password_hash = ${p(1)}, updated_at = ${p(2)} WHERE contact_id = ${p(3)}`, [passwordHash, now, contactId]);
}

export async function updateLanguage(ex: SqlExecutor, contactId: string, language: PortalLanguage, now: number): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(`UPDATE portal_profiles SET language = ${p(1)}, updated_at = ${p(2)} WHERE contact_id = ${p(3)}`, [language, now, contactId]);
}

// ——— Codes ———

export type PortalCodeKind = 'invitation' | 'reset';

export interface NewPortalCode {
  codeHash: string;
  kind: PortalCodeKind;
  contactId: string;
  invitationId: string | null;
  emailKey: string;
  createdAt: number;
  expiresAt: number;
}

export async function insertCode(ex: SqlExecutor, code: NewPortalCode): Promise<void> {
  await ex.run(
    `INSERT INTO portal_codes (code_hash, kind, contact_id, invitation_id, email_key, created_at, expires_at) VALUES (${placeholders(ex, 7)})`,
    [code.codeHash, code.kind, code.contactId, code.invitationId, code.emailKey, code.createdAt, code.expiresAt],
  );
}

/**
 * Uses the code if it is this kind's, this e-mail's, unused and unexpired — in one statement,
 * so two requests racing with the same code cannot both succeed.
 */
export async function useCode(ex: SqlExecutor, codeHash: string, kind: PortalCodeKind, email: string, now: number): Promise<{ contactId: string; invitationId: string | null } | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<{ contact_id: string; invitation_id: string | null }>(
    `UPDATE portal_codes SET used_at = ${p(1)}
     WHERE code_hash = ${p(2)} AND kind = ${p(3)} AND email_key = ${p(4)} AND used_at IS NULL AND expires_at > ${p(5)}
     RETURNING contact_id, invitation_id`,
    [now, codeHash, kind, emailKey(email), now],
  );
  return row && { contactId: row.contact_id, invitationId: row.invitation_id };
}

/** Ends every unused code of this kind for the contact (a newer code replaces them). */
export async function retireCodes(ex: SqlExecutor, contactId: string, kind: PortalCodeKind, now: number): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(`UPDATE portal_codes SET used_at = ${p(1)} WHERE contact_id = ${p(2)} AND kind = ${p(3)} AND used_at IS NULL`, [now, contactId, kind]);
}

/** The contact's invitations other than `exceptId` that could still be answered (pending or sent). */
export async function openInvitationIds(ex: SqlExecutor, contactId: string, exceptId: string): Promise<string[]> {
  const p = ex.dialect.param;
  const rows = await ex.all<{ id: string }>(`SELECT id FROM invitations WHERE contact_id = ${p(1)} AND id <> ${p(2)} AND state IN ('pending', 'sent')`, [contactId, exceptId]);
  return rows.map((r) => r.id);
}

/** The invitation a code was made for has been answered or replaced: whether any code of it is still usable. */
export async function invitationCodeState(ex: SqlExecutor, invitationId: string): Promise<{ usedAt: number | null; expiresAt: number } | undefined> {
  const [row] = await ex.all<{ used_at: number | null; expires_at: number }>(
    `SELECT used_at, expires_at FROM portal_codes WHERE invitation_id = ${ex.dialect.param(1)} ORDER BY created_at DESC`,
    [invitationId],
  );
  return row && { usedAt: numberOrNull(row.used_at), expiresAt: Number(row.expires_at) };
}

// ——— Invited e-mails ———

export async function wasInvited(ex: SqlExecutor, email: string): Promise<boolean> {
  const rows = await ex.all(`SELECT 1 FROM invited_emails WHERE email_key = ${ex.dialect.param(1)}`, [emailKey(email)]);
  return rows.length > 0;
}

export async function recordInvited(ex: SqlExecutor, email: string, now: number): Promise<void> {
  await ex.run(`INSERT INTO invited_emails (email_key, first_invited_at) VALUES (${placeholders(ex, 2)}) ON CONFLICT (email_key) DO NOTHING`, [emailKey(email), now]);
}

// ——— Sessions ———

export async function insertPortalSession(ex: SqlExecutor, session: { tokenHash: string; contactId: string; createdAt: number; expiresAt: number }): Promise<void> {
  await ex.run(`INSERT INTO portal_sessions (token_hash, contact_id, created_at, expires_at) VALUES (${placeholders(ex, 4)})`, [
    session.tokenHash,
    session.contactId,
    session.createdAt,
    session.expiresAt,
  ]);
}

export async function findPortalSession(ex: SqlExecutor, tokenHash: string, now: number): Promise<{ contactId: string; expiresAt: number } | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<{ contact_id: string; expires_at: number }>(`SELECT contact_id, expires_at FROM portal_sessions WHERE token_hash = ${p(1)} AND expires_at > ${p(2)}`, [tokenHash, now]);
  return row && { contactId: row.contact_id, expiresAt: Number(row.expires_at) };
}

export async function deletePortalSession(ex: SqlExecutor, tokenHash: string): Promise<void> {
  await ex.run(`DELETE FROM portal_sessions WHERE token_hash = ${ex.dialect.param(1)}`, [tokenHash]);
}

/** After a password reset every other session of the customer ends. */
export async function deletePortalSessionsOf(ex: SqlExecutor, contactId: string): Promise<void> {
  await ex.run(`DELETE FROM portal_sessions WHERE contact_id = ${ex.dialect.param(1)}`, [contactId]);
}

// ——— Feedback ———

export interface PortalFeedback {
  bookingId: string;
  contactId: string;
  rating: number;
  comment: string;
  createdAt: number;
}

export async function insertFeedback(ex: SqlExecutor, feedback: PortalFeedback): Promise<boolean> {
  const changed = await ex.run(
    `INSERT INTO portal_feedback (booking_id, contact_id, rating, comment, created_at) VALUES (${placeholders(ex, 5)}) ON CONFLICT (booking_id) DO NOTHING`,
    [feedback.bookingId, feedback.contactId, feedback.rating, feedback.comment, feedback.createdAt],
  );
  return changed > 0;
}

export async function feedbackFor(ex: SqlExecutor, bookingIds: readonly string[]): Promise<Map<string, PortalFeedback>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await ex.all<{ booking_id: string; contact_id: string; rating: number; comment: string; created_at: number }>(
    `SELECT * FROM portal_feedback WHERE ${ex.dialect.inList('booking_id', 1)}`,
    [ex.dialect.keyList(bookingIds)],
  );
  return new Map(rows.map((r) => [r.booking_id, { bookingId: r.booking_id, contactId: r.contact_id, rating: Number(r.rating), comment: r.comment, createdAt: Number(r.created_at) }]));
}
