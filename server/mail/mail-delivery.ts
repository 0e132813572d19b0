import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { HubStore, HubTx } from '../store/hub-store';
import { claimDueMail, hasDueMail, markMailAttemptFailed, markMailSent, releaseMailClaims, type MailRow } from '../store/portal/mail-outbox-queries';
import { settleNotification } from './notification-row';
import { backoffMs, defaultDeliveryTiming, type DeliveryTiming, type MailOptions } from './mail-options';
import { RoundTimer } from './round-timer';

/** What delivery needs of nodemailer: tests and issue 13 may hand in another transport. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close(): void;
}

export interface DeliveryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export function smtpTransport(options: MailOptions, timing: DeliveryTiming): MailTransport {
  return nodemailer.createTransport({
    // One connection kept open for the next message: a connection and greeting per message held
    // delivery to about 10 messages a second.
    pool: true,
    maxConnections: 1,
    host: options.host ?? undefined,
    port: options.port,
    secure: options.secure,
    ...(options.user && options.password ? { auth: { user: options.user, pass: options.password } } : {}),
    connectionTimeout: timing.smtpTimeoutMs,
    greetingTimeout: timing.smtpTimeoutMs,
    socketTimeout: timing.smtpTimeoutMs,
  });
}

/**
 * Delivers the outbox. Each round claims due rows for this worker (a lease other workers and
 * other hub instances respect), sends them one by one and settles each in its own transaction.
 * A row is marked sent only after the SMTP server accepted it, and only the current claimant
 * can settle it; `stop` lets the message being sent finish and be recorded, so a restart sends
 * nothing twice. (A hub killed between the server's acceptance and that record would send the
 * message again after the lease: the Message-ID stays the same so the receiving side can tell.)
 * SMTP down: attempts back off exponentially and nothing is lost; a 5xx answer (mailbox
 * unknown, message refused) fails the row at once.
 */
export class MailDelivery {
  private readonly token = randomUUID();
  private readonly rounds: RoundTimer;
  private stopped = false;

  constructor(
    private readonly store: HubStore,
    private readonly transport: MailTransport,
    private readonly from: string,
    private readonly log: DeliveryLog,
    private readonly timing: DeliveryTiming = defaultDeliveryTiming,
    /** Runs in the transaction that records a row as sent (e.g. the invitation becomes "sent" for the console). */
    private readonly afterSent: (tx: HubTx, row: MailRow) => Promise<void> = async () => undefined,
  ) {
    this.rounds = new RoundTimer(() => this.round(), { pollMs: timing.pollMs, minGapMs: timing.minRoundGapMs }, (error) => log.warn({ event: 'mail-round-failed', err: error }, 'mail delivery round failed; trying again later'), store);
  }

  start(): void {
    this.kick();
  }

  /** Looks for due mail now (after the current round, when one runs). */
  kick(): void {
    this.rounds.kick();
  }

  /** Finishes the message in hand, records it, hands back the rest of its claims and sends nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.rounds.stop();
    this.transport.close();
    await this.store.transaction((tx) => releaseMailClaims(tx.sql, this.token)).catch((error: unknown) => this.log.warn({ event: 'mail-release-failed', err: error }, 'claims not handed back; they lapse with their lease'));
  }

  private async round(): Promise<void> {
    for (;;) {
      const now = Date.now();
      // Every commit wakes the worker (it cannot tell which queued mail); most find nothing due.
      if (!(await this.store.read((tx) => hasDueMail(tx.sql, now)))) return;
      const rows = await this.store.transaction((tx) => claimDueMail(tx.sql, { token: this.token, now, leaseMs: this.timing.leaseMs, limit: this.timing.batch }));
      for (const row of rows) {
        if (this.stopped) return; // claims lapse; another worker or the next start takes them over
        await this.deliver(row);
      }
      if (rows.length < this.timing.batch || this.stopped) return;
    }
  }

  private async deliver(row: MailRow): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: row.recipient,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        messageId: row.messageId,
        attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: 'base64' })),
      });
    } catch (error) {
      await this.failed(row, error);
      return;
    }
    const recorded = await this.store.transaction(async (tx) => {
      const now = Date.now();
      const settled = await markMailSent(tx.sql, row.id, this.token, now);
      if (settled) {
        await settleNotification(tx, row, { state: 'sent', attempts: row.attempts + 1, lastError: null, sentAt: now });
        await this.afterSent(tx, row);
      }
      return settled;
    });
    this.log.info({ event: 'mail-sent', id: row.id, kind: row.kind, recorded }, 'mail sent');
  }

  private async failed(row: MailRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const permanent = isPermanent(error);
    const retryAt = permanent || attempts >= this.timing.maxAttempts ? null : Date.now() + backoffMs(this.timing, attempts);
    const message = error instanceof Error ? error.message : String(error);
    await this.store.transaction(async (tx) => {
      const settled = await markMailAttemptFailed(tx.sql, row.id, this.token, { error: message, retryAt });
      if (settled) await settleNotification(tx, row, { state: retryAt === null ? 'failed' : 'queued', attempts, lastError: message, sentAt: null });
    });
    this.log.warn({ event: retryAt === null ? 'mail-failed' : 'mail-retry', id: row.id, kind: row.kind, attempts, retryAt, error: message }, retryAt === null ? 'mail failed for good' : 'mail not delivered; will retry');
  }
}

/** An SMTP 5xx answer will not change by trying again; connection errors and 4xx will. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
