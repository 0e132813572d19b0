import type { SqlExecutor } from '../sql-executor';
import { numberOrNull, placeholders } from './sql-params';

/** The durable e-mail outbox (server/mail): rows are written in the transaction of the change they report. */

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Base64. */
  content: string;
}

export interface QueuedMail {
  id: string;
  /** What the message is about (invitation, password_reset, booking_confirmed, …): free text for later kinds. */
  kind: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attachments: MailAttachment[];
  /** Stable across retries, so a receiving server can tell a repeat. */
  messageId: string;
  relatedEntity: string | null;
  relatedId: string | null;
}

export type MailState = 'queued' | 'sent' | 'failed';

export interface MailRow extends QueuedMail {
  state: MailState;
  attempts: number;
  nextAttemptAt: number;
  claimToken: string | null;
  claimExpiresAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

interface Stored {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments_json: string;
  message_id: string;
  related_entity: string | null;
  related_id: string | null;
  state: MailState;
  attempts: number;
  next_attempt_at: number;
  claim_token: string | null;
  claim_expires_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

const toMail = (r: Stored): MailRow => ({
  id: r.id,
  kind: r.kind,
  recipient: r.recipient,
  subject: r.subject,
  textBody: r.text_body,
  htmlBody: r.html_body,
  attachments: JSON.parse(r.attachments_json) as MailAttachment[],
  messageId: r.message_id,
  relatedEntity: r.related_entity,
  relatedId: r.related_id,
  state: r.state,
  attempts: Number(r.attempts),
  nextAttemptAt: Number(r.next_attempt_at),
  claimToken: r.claim_token,
  claimExpiresAt: numberOrNull(r.claim_expires_at),
  lastError: r.last_error,
  createdAt: Number(r.created_at),
  sentAt: numberOrNull(r.sent_at),
});

export async function insertMail(ex: SqlExecutor, mail: QueuedMail, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO mail_outbox (id, kind, recipient, subject, text_body, html_body, attachments_json, message_id, related_entity, related_id,
       state, attempts, next_attempt_at, created_at) VALUES (${placeholders(ex, 14)})`,
    [mail.id, mail.kind, mail.recipient, mail.subject, mail.textBody, mail.htmlBody, JSON.stringify(mail.attachments), mail.messageId, mail.relatedEntity, mail.relatedId, 'queued', 0, now, now],
  );
}

/**
 * Claims up to `limit` due rows for `claimToken` until `now + leaseMs`: queued, due, and not
 * claimed by anyone whose lease still runs. PostgreSQL skips rows another instance is claiming
 * at this moment (SKIP LOCKED); SQLite has one writer, so the statement is the claim.
 */
export async function claimDueMail(ex: SqlExecutor, claim: { token: string; now: number; leaseMs: number; limit: number }): Promise<MailRow[]> {
  const p = ex.dialect.param;
  const lock = ex.dialect.name === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows = await ex.all<Stored>(
    `UPDATE mail_outbox SET claim_token = ${p(1)}, claim_expires_at = ${p(2)}
     WHERE id IN (SELECT id FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= ${p(3)}
                  AND (claim_expires_at IS NULL OR claim_expires_at <= ${p(4)}) ORDER BY next_attempt_at, id LIMIT ${p(5)}${lock})
     RETURNING *`,
    [claim.token, claim.now + claim.leaseMs, claim.now, claim.now, claim.limit],
  );
  return rows.map(toMail).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id.localeCompare(b.id));
}

/** Only the claimant whose lease is current may settle a row (a late one changes nothing). */
export async function markMailSent(ex: SqlExecutor, id: string, token: string, now: number): Promise<boolean> {
  const p = ex.dialect.param;
  const changed = await ex.run(
    `UPDATE mail_outbox SET state = 'sent', sent_at = ${p(1)}, attempts = attempts + 1, claim_token = NULL, claim_expires_at = NULL, last_error = NULL
     WHERE id = ${p(2)} AND claim_token = ${p(3)} AND state = 'queued'`,
    [now, id, token],
  );
  return changed > 0;
}

export async function markMailAttemptFailed(ex: SqlExecutor, id: string, token: string, outcome: { error: string; retryAt: number | null }): Promise<boolean> {
  const p = ex.dialect.param;
  const changed = await ex.run(
    `UPDATE mail_outbox SET state = ${p(1)}, attempts = attempts + 1, next_attempt_at = COALESCE(${p(2)}, next_attempt_at),
       claim_token = NULL, claim_expires_at = NULL, last_error = ${p(3)}
     WHERE id = ${p(4)} AND claim_token = ${p(5)} AND state = 'queued'`,
    [outcome.retryAt === null ? 'failed' : 'queued', outcome.retryAt, outcome.error.slice(0, 2000), id, token],
  );
  return changed > 0;
}

/** Newest first, for the console and tests: what was sent, what waits and what failed. */
export async function listMail(ex: SqlExecutor, filter: { relatedId?: string; limit?: number } = {}): Promise<MailRow[]> {
  const p = ex.dialect.param;
  const where = filter.relatedId === undefined ? '' : `WHERE related_id = ${p(1)}`;
  const params: unknown[] = filter.relatedId === undefined ? [] : [filter.relatedId];
  params.push(filter.limit ?? 100);
  const rows = await ex.all<Stored>(`SELECT * FROM mail_outbox ${where} ORDER BY created_at DESC, id DESC LIMIT ${p(params.length)}`, params);
  return rows.map(toMail);
}

export async function findMail(ex: SqlExecutor, id: string): Promise<MailRow | undefined> {
  const [row] = await ex.all<Stored>(`SELECT * FROM mail_outbox WHERE id = ${ex.dialect.param(1)}`, [id]);
  return row && toMail(row);
}

/** A stopping worker hands back the rows it claimed but did not get to, so the next one need not wait for the lease. */
export async function releaseMailClaims(ex: SqlExecutor, token: string): Promise<number> {
  return ex.run(`UPDATE mail_outbox SET claim_token = NULL, claim_expires_at = NULL WHERE claim_token = ${ex.dialect.param(1)} AND state = 'queued'`, [token]);
}

/** Whether any row is due now: a read, so an idle outbox costs the writer nothing. */
export async function hasDueMail(ex: SqlExecutor, now: number): Promise<boolean> {
  const p = ex.dialect.param;
  const rows = await ex.all(`SELECT 1 AS due FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= ${p(1)} AND (claim_expires_at IS NULL OR claim_expires_at <= ${p(2)}) LIMIT 1`, [now, now]);
  return rows.length > 0;
}
