import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: number;
}

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package; a free port) that keeps what the
 * hub delivers, so a test follows the link or code in an e-mail the way a customer would. No
 * STARTTLS and no AUTH: the hub talks plain SMTP to it, as to a local relay.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private readonly waiters = new Set<() => void>();
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            sink?.receive({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    sink = new SmtpSink(server, address.port);
    return sink;
  }

  private receive(mail: ReceivedMail): void {
    this.mails.push(mail);
    for (const wake of this.waiters) wake();
  }

  /** The first e-mail to `address` received after `since` that `matches`, waiting for it up to `timeoutMs`. */
  async waitFor(address: string, matches: (mail: ReceivedMail) => boolean = () => true, options: { since?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
    const since = options.since ?? 0;
    const find = () => this.mails.find((m) => m.receivedAt >= since && m.to.includes(address.toLowerCase()) && matches(m));
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No e-mail to ${address} arrived in time. Received: ${this.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'none'}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in an e-mail's text that points into the portal. */
export function portalLinkIn(mail: ReceivedMail): string {
  const link = /https?:\/\/\S+\/portal\/#\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No portal link in the e-mail "${mail.subject}":\n${mail.text}`);
  return link.replace(/[).,>]+$/, '');
}
