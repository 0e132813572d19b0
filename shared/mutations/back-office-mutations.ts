import { z } from 'zod';
import { IdSchema } from '../domain/common';
import type { Invitation } from '../domain/entities';
import { mustGet } from './booking-checks';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';

export const HandlePortalRequestArgs = z.object({ requestId: IdSchema, note: z.string().max(2000).default('') });

export const IssueInvitationArgs = z.object({
  invitationId: IdSchema,
  contactId: IdSchema,
  expiresInDays: z.number().int().min(1).max(90).default(14),
});

export async function handlePortalRequest(tx: MutationTx, env: MutationEnv, args: z.infer<typeof HandlePortalRequestArgs>): Promise<void> {
  const request = await mustGet(tx, 'portalRequest', args.requestId, 'Portal request');
  if (request.state === 'handled') refuse('state', `This request was already handled by ${request.handledBy ?? 'someone else'}.`, { entity: 'portalRequest', id: request.id, row: request });
  const after = { ...request, state: 'handled' as const, handledBy: env.actor, handledAt: env.now };
  await tx.put('portalRequest', after);
  await tx.audit({ entity: 'portalRequest', entityId: request.id, action: 'handle', before: JSON.stringify(request), after: JSON.stringify({ ...after, note: args.note }) });
}

/**
 * Back office can always issue a new invitation, even for a contact invited before. The code
 * is made and e-mailed by the hub; the synced row never carries it.
 */
export async function issueInvitation(tx: MutationTx, env: MutationEnv, args: z.infer<typeof IssueInvitationArgs>): Promise<void> {
  if (await tx.get('invitation', args.invitationId)) refuse('state', `Invitation ${args.invitationId} already exists.`);
  const contact = await mustGet(tx, 'contact', args.contactId, 'Contact');
  const invitation: Invitation = {
    id: args.invitationId,
    contactId: contact.id,
    email: contact.email,
    createdAt: env.now,
    expiresAt: env.now + args.expiresInDays * 86_400_000,
    issuedBy: env.actor,
    state: 'pending',
  };
  await tx.put('invitation', invitation);
  await tx.audit({ entity: 'invitation', entityId: invitation.id, action: 'issue', before: null, after: JSON.stringify(invitation) });
}
