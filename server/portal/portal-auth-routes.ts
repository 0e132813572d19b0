import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  CompletePasswordResetRequestSchema,
  PasswordResetRequestSchema,
  PortalSignInRequestSchema,
  portalRoutes,
  RedeemInvitationRequestSchema,
  UpdateProfileRequestSchema,
  type PasswordResetRequested,
} from '../../shared/contract/portal-http';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password-hash';
import type { SignInLimiter } from '../auth/sign-in-limiter';
import { enqueueRendered } from '../mail/mail-outbox';
import type { HubStore } from '../store/hub-store';
import {
  deletePortalSession,
  deletePortalSessionsOf,
  emailKey,
  findProfile,
  findProfileByEmail,
  insertCode,
  insertProfile,
  retireCodes,
  updateLanguage,
  updatePassword,
  useCode,
} from '../store/portal/portal-profile-queries';
import { portalLink, type PortalConfig } from './portal-config';
import { hashPortalCode, newPortalCode } from './portal-codes';
import { admit } from './portal-attempts';
import { parsePortal, PortalRefusal, sendPortalError, sendRefusal } from './portal-errors';
import type { PortalOidcClient } from './portal-oidc-client';
import { clearPortalSessionCookie, describeCustomer, hasPortalRole, requireCustomer, sessionTokenHash, signedInCustomer, signInContact } from './portal-session';

export interface PortalLimiters {
  signIn: SignInLimiter;
  redeem: SignInLimiter;
  reset: SignInLimiter;
  /** Starting an external sign-in or link (each start writes a flow row). */
  oidc: SignInLimiter;
}

export interface PortalAuthDeps {
  store: HubStore;
  config: PortalConfig;
  limiters: PortalLimiters;
  /** Wakes e-mail delivery after a commit that queued mail. */
  mailQueued: () => void;
  /** External sign-in; null when not configured. */
  oidc: PortalOidcClient | null;
}

export function registerPortalAuthRoutes(app: FastifyInstance, deps: PortalAuthDeps): void {
  const { store, config, limiters } = deps;

  app.post(portalRoutes.signIn, async (request, reply) => {
    const body = parsePortal(PortalSignInRequestSchema, request.body, reply);
    if (!body) return reply;
    const ticket = await admit(limiters.signIn, body.email, request, reply);
    if (!ticket) return reply;
    const profile = await store.read((tx) => findProfileByEmail(tx.sql, body.email));
    // An unknown e-mail costs as long as a wrong password, so answers tell nobody who has a profile.
    const right = await verifyPassword(body.password, profile?.passwordHash ?? (await decoyHash()));
    if (!profile || !right) return sendPortalError(reply, 401, 'invalid_credentials', 'The e-mail or password is not right.');
    await limiters.signIn.succeeded(ticket);
    return signInAs(profile.contactId, reply);
  });

  /** Checks the role, starts the session and answers with the profile. */
  async function signInAs(contactId: string, reply: FastifyReply): Promise<FastifyReply> {
    try {
      const me = await signInContact(store, reply, contactId, config);
      return reply.header('cache-control', 'no-store').send(me);
    } catch (error) {
      if (error instanceof PortalRefusal) return sendRefusal(reply, error);
      throw error;
    }
  }

  app.post(portalRoutes.redeemInvitation, async (request, reply) => {
    const body = parsePortal(RedeemInvitationRequestSchema, request.body, reply);
    if (!body) return reply;
    const ticket = await admit(limiters.redeem, body.email, request, reply);
    if (!ticket) return reply;
    const passwordHash = await hashPassword(body.password);
    let contactId: string;
    try {
      contactId = await store.transaction(async (tx) => {
        const now = Date.now();
        const used = await useCode(tx.sql, hashPortalCode(body.code), 'invitation', body.email, now);
        if (!used) throw new PortalRefusal(400, 'invitation_invalid', 'This invitation code is not valid: it may be mistyped, used already, replaced by a newer one or expired.');
        const contact = await tx.get('contact', used.contactId);
        if (!contact) throw new PortalRefusal(400, 'invitation_invalid', 'This invitation code is not valid any more.');
        if (!hasPortalRole(contact)) throw new PortalRefusal(403, 'portal_role_missing', 'Your portal access is not enabled yet; please contact us.');
        if ((await findProfile(tx.sql, contact.id)) || (await findProfileByEmail(tx.sql, body.email))) {
          throw new PortalRefusal(409, 'profile_exists', 'A portal profile already exists for this e-mail: sign in, or reset the password.');
        }
        await insertProfile(tx.sql, { contactId: contact.id, emailKey: emailKey(body.email), passwordHash, language: body.language ?? config.defaultLanguage, createdAt: now });
        await tx.put('contact', { ...contact, name: body.name, hasPortalProfile: true });
        const invitation = used.invitationId ? await tx.get('invitation', used.invitationId) : undefined;
        if (invitation) await tx.put('invitation', { ...invitation, state: 'redeemed' });
        await tx.audit({ entity: 'contact', entityId: contact.id, action: 'portal-redeem-invitation', before: JSON.stringify(contact), after: JSON.stringify({ name: body.name, invitationId: used.invitationId }) });
        return contact.id;
      });
    } catch (error) {
      if (error instanceof PortalRefusal) return sendRefusal(reply, error);
      throw error;
    }
    await limiters.redeem.succeeded(ticket);
    return signInAs(contactId, reply);
  });

  app.post(portalRoutes.requestPasswordReset, async (request, reply) => {
    const body = parsePortal(PasswordResetRequestSchema, request.body, reply);
    if (!body) return reply;
    const ticket = await admit(limiters.reset, body.email, request, reply);
    if (!ticket) return reply;
    const queued = await store.transaction(async (tx) => {
      const now = Date.now();
      const profile = await findProfileByEmail(tx.sql, body.email);
      const contact = profile && (await tx.get('contact', profile.contactId));
      const account = contact && (await tx.get('account', contact.accountId));
      if (!profile || !contact || !account || !hasPortalRole(contact)) return false;
      const code = newPortalCode();
      const expiresAt = now + config.resetCodeLifetimeMs;
      await retireCodes(tx.sql, contact.id, 'reset', now);
      await insertCode(tx.sql, { codeHash: hashPortalCode(code), kind: 'reset', contactId: contact.id, invitationId: null, emailKey: profile.emailKey, createdAt: now, expiresAt });
      await enqueueRendered(
        tx,
        {
          to: contact.email,
          content: { kind: 'password_reset', name: contact.name, code, link: portalLink(config, 'reset', { email: contact.email }), expiresAt },
          setting: { locale: profile.language, timeZone: account.timeZone, company: config.company },
          related: { entity: 'contact', id: contact.id },
        },
        now,
      );
      return true;
    });
    if (queued) deps.mailQueued();
    // The same answer whether or not the e-mail has a profile: nobody learns who is a customer here.
    const answer: PasswordResetRequested = { accepted: true };
    return reply.code(202).send(answer);
  });

  app.post(portalRoutes.completePasswordReset, async (request, reply) => {
    const body = parsePortal(CompletePasswordResetRequestSchema, request.body, reply);
    if (!body) return reply;
    const ticket = await admit(limiters.reset, body.email, request, reply);
    if (!ticket) return reply;
    const passwordHash = await hashPassword(body.password);
    const contactId = await store.transaction(async (tx) => {
      const now = Date.now();
      const used = await useCode(tx.sql, hashPortalCode(body.code), 'reset', body.email, now);
      if (!used) return undefined;
      await updatePassword(tx.sql, used.contactId, passwordHash, now);
      // Whoever knew the old password is signed out everywhere.
      await deletePortalSessionsOf(tx.sql, used.contactId);
      await tx.audit({ entity: 'contact', entityId: used.contactId, action: 'portal-password-reset', before: null, after: null });
      return used.contactId;
    });
    if (!contactId) return sendPortalError(reply, 400, 'reset_code_invalid', 'This reset code is not valid: it may be mistyped, used already, replaced by a newer one or expired.');
    await limiters.reset.succeeded(ticket);
    return signInAs(contactId, reply);
  });

  app.post(portalRoutes.signOut, async (request, reply) => {
    const tokenHash = sessionTokenHash(request);
    if (tokenHash) await store.transaction((tx) => deletePortalSession(tx.sql, tokenHash));
    clearPortalSessionCookie(reply);
    return reply.send({ signedOut: true });
  });

  app.get(portalRoutes.me, { preHandler: requireCustomer(store) }, async (request, reply) => {
    const customer = signedInCustomer(request);
    const me = await store.read((tx) => describeCustomer(tx, customer.contact, customer.account, customer.profile, config));
    return reply.header('cache-control', 'no-store').send(me);
  });

  app.put(portalRoutes.profile, { preHandler: requireCustomer(store) }, async (request, reply) => {
    const body = parsePortal(UpdateProfileRequestSchema, request.body, reply);
    if (!body) return reply;
    const customer = signedInCustomer(request);
    const me = await store.transaction(async (tx) => {
      await updateLanguage(tx.sql, customer.contact.id, body.language, Date.now());
      return describeCustomer(tx, customer.contact, customer.account, { ...customer.profile, language: body.language }, config);
    });
    return reply.send(me);
  });
}
