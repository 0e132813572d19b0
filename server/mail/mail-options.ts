import { z } from 'zod';

/**
 * SMTP delivery settings of the hub (docs/hub.md): command-line options, or the environment
 * variables beside each. The password is read from the environment only (a command line is
 * visible to every user of the machine). Without a host the outbox still fills and nothing is
 * lost; delivery starts once a host is configured.
 */
export const MailOptionsSchema = z
  .object({
    host: z.string().min(1).nullable(),
    port: z.number().int().min(1).max(65535),
    /** Implicit TLS from the first byte (usually port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean(),
    user: z.string().min(1).nullable(),
    password: z.string().min(1).nullable(),
    /** The sender, e.g. "Acme Service <service@acme.example>". */
    from: z.string().min(3),
    /** The company name e-mails are signed with. */
    company: z.string().min(1).max(200),
  })
  .refine((o) => (o.user === null) === (o.password === null), { message: 'SMTP user and password go together', path: ['password'] });
export type MailOptions = z.infer<typeof MailOptionsSchema>;

export const defaultMailOptions: MailOptions = {
  host: null,
  port: 587,
  secure: false,
  user: null,
  password: null,
  from: 'Dispatch Desk <no-reply@localhost>',
  company: 'Dispatch Desk',
};

/** How delivery paces itself; tests shorten these. */
export interface DeliveryTiming {
  /** How often due rows are looked for when nothing wakes the worker. */
  pollMs: number;
  /** How long a claim holds a row; longer than any SMTP timeout, so a live claim never lapses mid-send. */
  leaseMs: number;
  /** Retry n waits baseMs · 2^(n-1), at most maxMs; after maxAttempts the row is failed. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxAttempts: number;
  /** Rows claimed at once. */
  batch: number;
  /** SMTP connection, greeting and socket timeout. */
  smtpTimeoutMs: number;
  /** Least time between rounds woken by commits. */
  minRoundGapMs: number;
}

export const defaultDeliveryTiming: DeliveryTiming = {
  pollMs: 5_000,
  leaseMs: 5 * 60_000,
  backoffBaseMs: 30_000,
  backoffMaxMs: 60 * 60_000,
  maxAttempts: 12,
  batch: 20,
  smtpTimeoutMs: 60_000,
  minRoundGapMs: 250,
};

/** The wait before the next attempt after `attempts` failed ones (1-based). */
export function backoffMs(timing: Pick<DeliveryTiming, 'backoffBaseMs' | 'backoffMaxMs'>, attempts: number): number {
  return Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
