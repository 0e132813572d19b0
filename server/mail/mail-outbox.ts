import { randomUUID } from 'node:crypto';
import type { HubTx } from '../store/hub-store';
import { insertMail, type MailAttachment } from '../store/portal/mail-outbox-queries';
import { renderMail, type MailContent, type MailSetting } from './render-mail';

/** Any message for any recipient (later kinds and attachments included, issue 13). */
export interface OutgoingMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** What it is about, e.g. { entity: 'booking', id }: lets the console show what was sent for a row. */
  related?: { entity: string; id: string };
}

/**
 * Queues a message in the transaction of the change it reports: both commit or neither does,
 * so no change goes unannounced and no e-mail announces a change that was rolled back.
 */
export async function enqueueMail(tx: HubTx, mail: OutgoingMail, now: number): Promise<string> {
  const id = randomUUID();
  await insertMail(
    tx.sql,
    {
      id,
      kind: mail.kind,
      recipient: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      attachments: mail.attachments ?? [],
      messageId: `<${id}@dispatch-desk.outbox>`,
      relatedEntity: mail.related?.entity ?? null,
      relatedId: mail.related?.id ?? null,
    },
    now,
  );
  return id;
}

/** Renders one of the portal's messages in the recipient's language and account zone, and queues it. */
export async function enqueueRendered(
  tx: HubTx,
  message: { to: string; content: MailContent; setting: MailSetting; related?: OutgoingMail['related']; attachments?: MailAttachment[] },
  now: number,
): Promise<string> {
  const rendered = renderMail(message.content, message.setting);
  return enqueueMail(tx, { kind: message.content.kind, to: message.to, ...rendered, ...(message.related ? { related: message.related } : {}), ...(message.attachments ? { attachments: message.attachments } : {}) }, now);
}
