import { randomUUID } from 'node:crypto';
import type { HubTx } from '../store/hub-store';
import { insertMail, type MailAttachment, type QueuedMail } from '../store/portal/mail-outbox-queries';
import { newNotification } from './notification-row';
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
  /** The work order it concerns: the console's work order drawer lists it. */
  workOrderId?: string;
}

/**
 * Queues a message in the transaction of the change it reports: both commit or neither does,
 * so no change goes unannounced and no e-mail announces a change that was rolled back.
 */
export async function enqueueMail(tx: HubTx, mail: OutgoingMail, now: number): Promise<string> {
  const id = randomUUID();
  const queued: QueuedMail = {
    id,
    kind: mail.kind,
    recipient: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    attachments: mail.attachments ?? [],
    messageId: outboxMessageId(id),
    relatedEntity: mail.related?.entity ?? null,
    relatedId: mail.related?.id ?? null,
  };
  await insertMail(tx.sql, queued, now);
  // Consoles learn of it (and later of its delivery) by sync.
  await tx.put('notification', newNotification(queued, mail.workOrderId ?? null, now));
  return id;
}

/** Stable across retries of one outbox row (a resend is a new row with its own). */
export const outboxMessageId = (id: string) => `<${id}@dispatch-desk.outbox>`;

/** Renders one of the portal's messages in the recipient's language and account zone, and queues it. */
export async function enqueueRendered(
  tx: HubTx,
  message: { to: string; content: MailContent; setting: MailSetting } & Pick<OutgoingMail, 'related' | 'attachments' | 'workOrderId'>,
  now: number,
): Promise<string> {
  const { to, content, setting, ...about } = message;
  return enqueueMail(tx, { kind: content.kind, to, ...renderMail(content, setting), ...about }, now);
}
