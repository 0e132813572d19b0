import { afterEach, describe, expect, it } from 'vitest';
import { MailDelivery } from '../../../server/mail/mail-delivery';
import { enqueueMail } from '../../../server/mail/mail-outbox';
import { listMail } from '../../../server/store/portal/mail-outbox-queries';
import { smtpTransport } from '../../../server/mail/mail-delivery';
import { defaultMailOptions } from '../../../server/mail/mail-options';
import { startPortalHub, testTiming, type PortalHub } from './support/portal-hub';
import { SmtpSink } from './support/smtp-sink';
import { waitUntil } from './support/wait-until';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function started(options: Parameters<typeof startPortalHub>[0]): Promise<PortalHub> {
  const hub = await startPortalHub(options);
  cleanup.push(() => hub.stop());
  return hub;
}

async function queue(hub: PortalHub, count: number, prefix: string): Promise<string[]> {
  const ids = await hub.store.transaction(async (tx) => {
    const made: string[] = [];
    for (let i = 0; i < count; i++) made.push(await enqueueMail(tx, { kind: 'test', to: `${prefix}${i}@example.com`, subject: `${prefix} ${i}`, text: `Message ${i}`, html: `<p>Message ${i}</p>`, attachments: i === 0 ? [{ filename: 'note.txt', contentType: 'text/plain', content: Buffer.from('attached').toString('base64') }] : [] }, Date.now()));
    return made;
  });
  hub.services.delivery?.kick();
  return ids;
}

const states = async (hub: PortalHub) => (await hub.store.read((tx) => listMail(tx.sql, { limit: 1000 }))).map((m) => m.state);
const receivedOnce = (smtp: SmtpSink, prefix: string, count: number) => {
  for (let i = 0; i < count; i++) expect(smtp.to(`${prefix}${i}@example.com`), `${prefix}${i}`).toHaveLength(1);
};

describe('the e-mail outbox', () => {
  it('keeps mail while the SMTP server is down and delivers each message once when it is back', async () => {
    const smtp = await SmtpSink.start();
    cleanup.push(() => smtp.down());
    const hub = await started({ smtp });
    await smtp.down();
    await queue(hub, 3, 'down');
    await waitUntil(async () => (await hub.store.read((tx) => listMail(tx.sql))).every((m) => m.attempts >= 2), 10_000, 'two failed attempts each');
    expect(await states(hub)).toEqual(['queued', 'queued', 'queued']);
    const row = (await hub.store.read((tx) => listMail(tx.sql)))[0]!;
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    await smtp.up();
    await waitUntil(async () => (await states(hub)).every((s) => s === 'sent'), 10_000, 'all sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    receivedOnce(smtp, 'down', 3);
    const withAttachment = smtp.to('down0@example.com')[0]!;
    expect(withAttachment.text.trim()).toBe('Message 0');
  });

  it('sends nothing twice across a restart, even when stopped while a message is being accepted', async () => {
    const smtp = await SmtpSink.start();
    cleanup.push(() => smtp.down());
    smtp.acceptDelayMs = 400;
    const first = await startPortalHub({ smtp });
    await queue(first, 4, 'restart');
    await waitUntil(() => smtp.dataStarted >= 1, 10_000, 'the first message in flight');
    await first.stop();
    const sentBefore = smtp.received.length;
    expect(sentBefore).toBeGreaterThanOrEqual(1);
    smtp.acceptDelayMs = 0;
    const second = await started({ smtp, dataDir: first.dataDir, seed: false });
    await waitUntil(async () => (await states(second)).every((s) => s === 'sent'), 15_000, 'all sent after the restart');
    await second.stop();
    const third = await started({ smtp, dataDir: first.dataDir, seed: false });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await states(third)).toEqual(['sent', 'sent', 'sent', 'sent']);
    receivedOnce(smtp, 'restart', 4);
  });

  it('lets several deliverers (hub instances) share one outbox without sending anything twice', async () => {
    const smtp = await SmtpSink.start();
    cleanup.push(() => smtp.down());
    const hub = await started({ smtp });
    const silent = { info: () => undefined, warn: () => undefined };
    const mail = { ...defaultMailOptions, host: '127.0.0.1', port: smtp.port };
    const others = [1, 2].map(() => new MailDelivery(hub.store, smtpTransport(mail, testTiming), 'Other <other@acme.example>', silent, { ...testTiming, batch: 3 }));
    cleanup.push(async () => {
      for (const other of others) await other.stop();
    });
    const ids = await queue(hub, 24, 'shared');
    for (const other of others) other.start();
    await waitUntil(async () => (await states(hub)).filter((s) => s === 'sent').length === ids.length, 20_000, 'all sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    receivedOnce(smtp, 'shared', 24);
  });

  it('fails a message for good when the server refuses the recipient (5xx), and keeps delivering the rest', async () => {
    const smtp = await SmtpSink.start();
    cleanup.push(() => smtp.down());
    smtp.unknownRecipients.add('refused0@example.com');
    const hub = await started({ smtp });
    await queue(hub, 2, 'refused');
    await waitUntil(async () => (await states(hub)).every((s) => s !== 'queued'), 10_000, 'both settled');
    const rows = await hub.store.read((tx) => listMail(tx.sql));
    const byRecipient = Object.fromEntries(rows.map((r) => [r.recipient, [r.state, r.attempts]]));
    expect(byRecipient).toEqual({ 'refused0@example.com': ['failed', 1], 'refused1@example.com': ['sent', 1] });
    expect(rows.find((r) => r.state === 'failed')!.lastError).toMatch(/550|mailbox/i);
  });
});
