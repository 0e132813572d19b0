import type { FastifyReply } from 'fastify';
import type { OidcResult } from '../../shared/contract/portal-http';
import type { SignInTicket } from '../auth/sign-in-limiter';
import { findIdentity, linkIdentity, type OidcFlow } from '../store/portal/oidc-queries';
import { findPortalSession } from '../store/portal/portal-profile-queries';
import type { PortalAuthDeps } from './portal-auth-routes';
import { PortalRefusal } from './portal-errors';
import type { VerifiedIdentity } from './portal-oidc-client';
import { hasPortalRole, signInContact } from './portal-session';

/** Where the callback sends the browser in the portal app ('' is home), and what to tell the customer there. */
export interface FlowOutcome {
  route: '' | 'sign-in' | 'profile';
  result: OidcResult | null;
}

/**
 * Links the verified identity to the profile whose session asked for it — only while that
 * session is still live and the contact still has the portal role, and never an identity that is
 * linked to someone else already. Nothing is written unless every check passes.
 */
export async function finishLink(deps: PortalAuthDeps, flow: OidcFlow, identity: VerifiedIdentity): Promise<FlowOutcome> {
  const now = Date.now();
  const result = await deps.store.transaction(async (tx): Promise<OidcResult> => {
    const session = await findPortalSession(tx.sql, flow.sessionHash!, now);
    if (!session || session.contactId !== flow.contactId) return 'session_ended';
    const contact = await tx.get('contact', session.contactId);
    if (!contact || !hasPortalRole(contact)) return 'portal_role_missing';
    const existing = await findIdentity(tx.sql, identity.issuer, identity.subject);
    if (existing && existing.contactId !== contact.id) return 'identity_taken';
    await linkIdentity(tx.sql, { ...identity, contactId: contact.id, linkedAt: now });
    await tx.audit({ entity: 'contact', entityId: contact.id, action: 'portal-link-identity', before: null, after: JSON.stringify({ issuer: identity.issuer, subject: identity.subject }) });
    return 'linked';
  });
  if (result === 'linked') await deps.limiters.oidc.succeeded(JSON.parse(flow.attemptJson) as SignInTicket);
  return { route: result === 'linked' || result === 'identity_taken' ? 'profile' : 'sign-in', result };
}

/**
 * Signs in the contact the identity is linked to, exactly like a password sign-in (same
 * session cookie, same role check). An identity linked to nobody signs nobody in: profiles are
 * never matched by e-mail, which would hand a profile to whoever controls an issuer account with
 * that address.
 */
export async function finishSignIn(deps: PortalAuthDeps, flow: OidcFlow, identity: VerifiedIdentity, reply: FastifyReply): Promise<FlowOutcome> {
  const linked = await deps.store.read((tx) => findIdentity(tx.sql, identity.issuer, identity.subject));
  if (!linked) return { route: 'sign-in', result: 'not_linked' };
  try {
    await signInContact(deps.store, reply, linked.contactId, deps.config);
  } catch (error) {
    if (!(error instanceof PortalRefusal)) throw error;
    return { route: 'sign-in', result: error.code === 'portal_role_missing' ? 'portal_role_missing' : 'not_linked' };
  }
  await deps.limiters.oidc.succeeded(JSON.parse(flow.attemptJson) as SignInTicket);
  return { route: '', result: null };
}
