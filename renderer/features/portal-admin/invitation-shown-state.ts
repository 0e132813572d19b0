import type { ContactInvitation } from '../../../shared/contract/portal-admin';

/**
 * What became of a contact's newest invitation. "pending" means two things: still on this
 * computer (the hub has not got it, nobody e-mailed it), or at the hub with its e-mail queued.
 * On demo data (no hub) it is never e-mailed. A pending or sent one past its expiry can no
 * longer be redeemed.
 */
export type Shown = 'noHub' | 'awaitingHub' | 'pending' | 'sent' | 'redeemed' | 'revoked' | 'expired';

export function shownState(invitation: ContactInvitation, now: number, demo: boolean): Shown {
  if (invitation.awaitingHub) return 'awaitingHub';
  // Demo data has no hub: an invitation made here is never e-mailed.
  if (demo && invitation.state === 'pending') return 'noHub';
  if ((invitation.state === 'pending' || invitation.state === 'sent') && invitation.expiresAt <= now) return 'expired';
  return invitation.state;
}
