import type { Notification } from '../../shared/domain/notification';
import type { HubTx } from '../store/hub-store';
import type { MailRow, QueuedMail } from '../store/portal/mail-outbox-queries';

/** The synced, body-free row consoles see for a message just queued. */
export function newNotification(mail: QueuedMail, workOrderId: string | null, now: number, resendOf: string | null = null): Notification {
  return {
    id: mail.id,
    kind: mail.kind,
    workOrderId,
    relatedEntity: mail.relatedEntity,
    relatedId: mail.relatedId,
    recipient: mail.recipient,
    subject: mail.subject.slice(0, 1000),
    state: 'queued',
    attempts: 0,
    lastError: null,
    createdAt: now,
    sentAt: null,
    resendOf,
    version: 0,
  };
}

/** Brings the message's notification up to its outbox row after a delivery attempt (rows queued before notifications existed have none). */
export async function settleNotification(tx: HubTx, row: Pick<MailRow, 'id'>, outcome: { state: Notification['state']; attempts: number; lastError: string | null; sentAt: number | null }): Promise<void> {
  const current = await tx.get('notification', row.id);
  if (!current) return;
  await tx.put('notification', { ...current, ...outcome, lastError: outcome.lastError?.slice(0, 2000) ?? null });
}
