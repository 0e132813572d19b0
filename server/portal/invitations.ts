import { randomUUID } from 'node:crypto';
import { IssueInvitationArgs } from '../../shared/mutations/back-office-mutations';
import { SetPortalRoleArgs } from '../../shared/mutations/portal-admin-mutations';
import type { MutationEnv } from '../../shared/mutations/mutation-context';
import type { Contact, Invitation } from '../../shared/domain/entities';
import { enqueueRendered } from '../mail/mail-outbox';
import type { HubTx } from '../store/hub-store';
import type { MailRow } from '../store/portal/mail-outbox-queries';
import { emailKey, findProfile, insertCode, openInvitationIds, recordInvited, retireCodes, wasInvited } from '../store/portal/portal-profile-queries';
import type { MutationEffects } from '../sync/push-mutations';
import { portalLink, type PortalConfig } from './portal-config';
import { hashPortalCode, newPortalCode } from './portal-codes';

const AUTOMATIC_INVITATION_DAYS = 14;

/**
 * What the hub adds to the console's portal mutations, in their transaction:
 * - issueInvitation: a fresh code (older unused ones of the contact stop working) and the
 *   e-mail with the portal link and the code. Back office may do this any number of times.
 * - setPortalRole granting the role to a contact without a profile: an automatic invitation,
 *   unless the e-mail was ever invited before (even for a contact since deleted).
 */
export function portalMutationEffects(config: PortalConfig): MutationEffects {
  return {
    async afterApplied(tx, mutation, env) {
      if (mutation.name === 'issueInvitation') {
        const args = IssueInvitationArgs.parse(mutation.args);
        const invitation = await tx.get('invitation', args.invitationId);
        if (invitation) await sendInvitation(tx, invitation, config, env.now);
      } else if (mutation.name === 'setPortalRole') {
        const args = SetPortalRoleArgs.parse(mutation.args);
        const contact = await tx.get('contact', args.contactId);
        if (args.granted && contact) await inviteAutomatically(tx, contact, config, env);
      }
    },
  };
}

async function sendInvitation(tx: HubTx, invitation: Invitation, config: PortalConfig, now: number): Promise<void> {
  const contact = await tx.get('contact', invitation.contactId);
  const account = contact && (await tx.get('account', contact.accountId));
  if (!contact || !account) return;
  const code = newPortalCode();
  await retireCodes(tx.sql, contact.id, 'invitation', now);
  await revokeOlderInvitations(tx, invitation);
  await insertCode(tx.sql, { codeHash: hashPortalCode(code), kind: 'invitation', contactId: contact.id, invitationId: invitation.id, emailKey: emailKey(invitation.email), createdAt: now, expiresAt: invitation.expiresAt });
  await recordInvited(tx.sql, invitation.email, now);
  const profile = await findProfile(tx.sql, contact.id);
  await enqueueRendered(
    tx,
    {
      to: invitation.email,
      content: { kind: 'invitation', name: contact.name, code, link: portalLink(config, 'redeem', { email: invitation.email }), expiresAt: invitation.expiresAt },
      setting: { locale: profile?.language ?? config.defaultLanguage, timeZone: account.timeZone, company: config.company },
      related: { entity: 'invitation', id: invitation.id },
    },
    now,
  );
}

/** The codes of older invitations stop working with a new one: consoles see those invitations revoked. */
async function revokeOlderInvitations(tx: HubTx, newer: Invitation): Promise<void> {
  for (const id of await openInvitationIds(tx.sql, newer.contactId, newer.id)) {
    const older = await tx.get('invitation', id);
    if (older) await tx.put('invitation', { ...older, state: 'revoked' });
  }
}

async function inviteAutomatically(tx: HubTx, contact: Contact, config: PortalConfig, env: MutationEnv): Promise<void> {
  if (contact.hasPortalProfile || (await findProfile(tx.sql, contact.id))) return;
  if (await wasInvited(tx.sql, contact.email)) return;
  const invitation: Invitation = {
    id: randomUUID(),
    contactId: contact.id,
    email: contact.email,
    createdAt: env.now,
    expiresAt: env.now + AUTOMATIC_INVITATION_DAYS * 86_400_000,
    issuedBy: 'hub (automatic, with the portal role)',
    state: 'pending',
  };
  await tx.put('invitation', invitation);
  await tx.audit({ entity: 'invitation', entityId: invitation.id, action: 'issue-automatically', before: null, after: JSON.stringify(invitation) });
  await sendInvitation(tx, invitation, config, env.now);
}

/** Once the invitation e-mail went out, consoles see the invitation as "sent". */
export async function markInvitationSent(tx: HubTx, row: MailRow): Promise<void> {
  if (row.relatedEntity !== 'invitation' || !row.relatedId) return;
  const invitation = await tx.get('invitation', row.relatedId);
  if (invitation?.state === 'pending') await tx.put('invitation', { ...invitation, state: 'sent' });
}
