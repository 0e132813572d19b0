import { z } from 'zod';
import { IdSchema } from '../domain/common';
import type { WorkOrderComment } from '../domain/entities';
import { mustGet } from './booking-checks';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';

/** The id is the console's, so a comment sent twice (a retried push) is written once. */
export const AddCommentArgs = z.object({
  commentId: IdSchema,
  workOrderId: IdSchema,
  text: z.string().trim().min(1, 'a comment needs some text').max(4000, 'a comment may hold at most 4,000 characters'),
});

/** A comment on a work order, signed with the user who wrote it and when; recorded in the audit trail too. */
export async function addComment(tx: MutationTx, env: MutationEnv, args: z.infer<typeof AddCommentArgs>): Promise<void> {
  if (await tx.get('comment', args.commentId)) refuse('state', `Comment ${args.commentId} already exists.`);
  const workOrder = await mustGet(tx, 'workOrder', args.workOrderId, 'Work order');
  const comment: WorkOrderComment = { id: args.commentId, workOrderId: workOrder.id, author: env.actor, at: env.now, text: args.text };
  await tx.put('comment', comment);
  await tx.audit({ entity: 'workOrder', entityId: workOrder.id, action: 'comment', before: null, after: JSON.stringify({ text: comment.text }) });
}
