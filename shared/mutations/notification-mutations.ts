import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { mustGet } from './booking-checks';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';

/** The resend's id is the console's, so a resend pushed twice queues one message. */
export const ResendNotificationArgs = z.object({ notificationId: IdSchema, resendId: IdSchema });

/**
 * Back office sends an e-mail again (failed, or sent but not received): a new notification
 * waiting to be sent, naming the one it repeats. The hub queues the same message under the new
 * id in the same transaction (server/mail/resend-effect.ts).
 */
export async function resendNotification(tx: MutationTx, env: MutationEnv, args: z.infer<typeof ResendNotificationArgs>): Promise<void> {
  const original = await mustGet(tx, 'notification', args.notificationId, 'E-mail');
  if (original.state === 'queued') refuse('state', 'This e-mail is still waiting to be sent; it can be sent again once it was sent or failed.');
  if (await tx.get('notification', args.resendId)) refuse('state', `E-mail ${args.resendId} already exists.`);
  await tx.put('notification', { ...original, id: args.resendId, state: 'queued', attempts: 0, lastError: null, createdAt: env.now, sentAt: null, resendOf: original.id, version: 0 });
}
