import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { portalSessionCookie, type PortalMe } from '../../shared/contract/portal-http';
import { PORTAL_ROLE, type Contact, type ServiceAccount } from '../../shared/domain/entities';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import type { HubStore, HubTx } from '../store/hub-store';
import { identityOf } from '../store/portal/oidc-queries';
import { findPortalSession, findProfile, insertPortalSession, type PortalProfile } from '../store/portal/portal-profile-queries';
import type { PortalConfig } from './portal-config';
import { PortalRefusal, sendPortalError } from './portal-errors';
import { effectiveSettings } from './portal-settings-reader';

/** The signed-in customer of a portal request. */
export interface PortalCustomer {
  tokenHash: string;
  contact: Contact;
  account: ServiceAccount;
  profile: PortalProfile;
}

declare module 'fastify' {
  interface FastifyRequest {
    portalCustomer: PortalCustomer | null;
  }
}

export function hasPortalRole(contact: Contact): boolean {
  return contact.webRoles.includes(PORTAL_ROLE);
}

/** Starts a session in the transaction and sets its cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. */
export async function startPortalSession(tx: HubTx, reply: FastifyReply, contactId: string, config: PortalConfig, now: number): Promise<void> {
  const token = newSessionToken();
  await insertPortalSession(tx.sql, { tokenHash: hashSessionToken(token), contactId, createdAt: now, expiresAt: now + config.sessionLifetimeMs });
  reply.setCookie(portalSessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: Math.floor(config.sessionLifetimeMs / 1000) });
}

/**
 * Signs the contact in, however they proved who they are (password, code, external sign-in):
 * the same checks and the same session. Throws PortalRefusal without the profile or the role.
 */
export async function signInContact(store: HubStore, reply: FastifyReply, contactId: string, config: PortalConfig): Promise<PortalMe> {
  return store.transaction(async (tx) => {
    const contact = await tx.get('contact', contactId);
    const account = contact && (await tx.get('account', contact.accountId));
    const profile = await findProfile(tx.sql, contactId);
    if (!contact || !account || !profile) throw new PortalRefusal(401, 'invalid_credentials', 'The e-mail or password is not right.');
    if (!hasPortalRole(contact)) throw new PortalRefusal(403, 'portal_role_missing', 'Your portal access is not enabled; please contact us.');
    await startPortalSession(tx, reply, contactId, config, Date.now());
    return describeCustomer(tx, contact, account, profile, config);
  });
}

export function clearPortalSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(portalSessionCookie, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' });
}

export function sessionTokenHash(request: FastifyRequest): string | undefined {
  const token = request.cookies[portalSessionCookie];
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? hashSessionToken(token) : undefined;
}

/** preHandler: a live session of a contact who still has the portal role (revoking it ends access at once). */
export function requireCustomer(store: HubStore) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const tokenHash = sessionTokenHash(request);
    const customer = tokenHash ? await store.read((tx) => loadCustomer(tx, tokenHash, Date.now())) : undefined;
    if (!customer) return sendPortalError(reply, 401, 'unauthenticated', 'Please sign in.');
    if (!hasPortalRole(customer.contact)) return sendPortalError(reply, 403, 'portal_role_missing', 'Your portal access has been withdrawn; please contact us.');
    request.portalCustomer = customer;
  };
}

async function loadCustomer(tx: Pick<HubTx, 'sql' | 'get'>, tokenHash: string, now: number): Promise<PortalCustomer | undefined> {
  const session = await findPortalSession(tx.sql, tokenHash, now);
  if (!session) return undefined;
  const [contact, profile] = await Promise.all([tx.get('contact', session.contactId), findProfile(tx.sql, session.contactId)]);
  const account = contact && (await tx.get('account', contact.accountId));
  return contact && account && profile ? { tokenHash, contact, account, profile } : undefined;
}

export function signedInCustomer(request: FastifyRequest): PortalCustomer {
  if (!request.portalCustomer) throw new Error('signedInCustomer called on a route without requireCustomer');
  return request.portalCustomer;
}

export async function describeCustomer(tx: Pick<HubTx, 'sql' | 'get' | 'list'>, contact: Contact, account: ServiceAccount, profile: PortalProfile, config: PortalConfig): Promise<PortalMe> {
  const settings = await effectiveSettings(tx);
  // Only the configured issuer's link counts (and is shown): one kept from an earlier issuer signs nobody in.
  const linked = config.oidc ? await identityOf(tx.sql, contact.id, config.oidc.issuer) : undefined;
  return {
    contact: { id: contact.id, name: contact.name, email: contact.email },
    account: { id: account.id, name: account.name, address: account.address, timeZone: account.timeZone },
    language: profile.language,
    linkedIdentity: linked ? { issuer: linked.issuer, email: linked.email } : null,
    surveyEnabled: settings.surveyEnabled,
  };
}
