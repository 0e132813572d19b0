import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it. */
export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string | null;
  /** Attached files (an .ics for the customer) with their text. */
  attachments: { filename: string; contentType: string; text: string }[];
}

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1, port 0: hub e-mail goes out over
 * real SMTP and is parsed as a mail client would. `down()` closes the port (connections are
 * refused, as when a mail server is off); `up()` opens the same port again.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  private waiters: (() => void)[] = [];
  port = 0;
  /** How long the server takes to accept each message (to stop a hub while one is in flight). */
  acceptDelayMs = 0;
  /** Recipients answered 550 (a permanent refusal). */
  readonly unknownRecipients = new Set<string>();
  /** Messages whose data arrived (accepted or still being accepted). */
  dataStarted = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.up();
    return sink;
  }

  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.unknownRecipients.has(address.address)) return callback();
        const refusal = new Error('No such mailbox here') as Error & { responseCode: number };
        refusal.responseCode = 550;
        callback(refusal);
      },
      onData: (stream, session, callback) => {
        this.dataStarted++;
        simpleParser(stream)
          .then(async (mail) => {
            if (this.acceptDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
            this.received.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              language: /<html lang="([a-z]+)"/.exec(typeof mail.html === 'string' ? mail.html : '')?.[1] ?? null,
              attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, text: a.content.toString('utf8') })),
            });
            for (const wake of this.waiters.splice(0)) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until a received message passes `match`; answers it. */
  async waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching e-mail within ${timeoutMs} ms; received: ${JSON.stringify(this.received.map((m) => [m.to, m.subject]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to === address);
  }
}

/** The code an e-mail carries ("XXXXX-XXXXX"). */
export function codeIn(mail: ReceivedMail): string {
  const match = /\b([A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5})\b/.exec(mail.text);
  if (!match) throw new Error(`No code in the e-mail: ${mail.text}`);
  return match[1]!;
}
