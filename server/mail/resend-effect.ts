import { ResendNotificationArgs } from '../../shared/mutations/notification-mutations';
import { findMail, insertMail } from '../store/portal/mail-outbox-queries';
import type { MutationEffects } from '../sync/push-mutations';
import { outboxMessageId } from './mail-outbox';

/**
 * After a console's resendNotification applied: the original message (body and attachments as
 * they were) queued again under the resend's id, in the same transaction. The resend's own
 * notification row was written by the mutation.
 */
export const resendEffects: MutationEffects = {
  async afterApplied(tx, mutation, env) {
    if (mutation.name !== 'resendNotification') return;
    const args = ResendNotificationArgs.parse(mutation.args);
    const original = await findMail(tx.sql, args.notificationId);
    if (!original) throw new Error(`The outbox holds no message ${args.notificationId} to send again.`);
    await insertMail(tx.sql, { ...original, id: args.resendId, messageId: outboxMessageId(args.resendId) }, env.now);
  },
};

/** Runs each effect in turn (the portal's, then this one). */
export function allEffects(effects: readonly MutationEffects[]): MutationEffects {
  return {
    async afterApplied(tx, mutation, env) {
      for (const effect of effects) await effect.afterApplied(tx, mutation, env);
    },
  };
}
