import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OidcCallbackQuerySchema, portalRoutes, type OidcProviderResponse, type OidcResult, type OidcStartResponse } from '../../shared/contract/portal-http';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { deleteStaleFlows, insertFlow, takeFlow, unlinkIdentity, type OidcFlow, type OidcFlowPurpose } from '../store/portal/oidc-queries';
import { admit } from './portal-attempts';
import type { PortalAuthDeps } from './portal-auth-routes';
import { portalLink, type PortalConfig } from './portal-config';
import { sendPortalError } from './portal-errors';
import { finishLink, finishSignIn, type FlowOutcome } from './portal-oidc-finish';
import { OidcFlowError, PortalOidcClient } from './portal-oidc-client';
import { describeCustomer, requireCustomer, signedInCustomer, type PortalCustomer } from './portal-session';

/**
 * Binds a flow to the browser that started it. SameSite=Lax, not Strict like the session: the
 * issuer sends the browser back with a top-level cross-site GET, and a Strict cookie would not
 * come with it, so the callback could never tell this browser from another. Lax cookies do come
 * with top-level GETs (and only with those), which is all the callback needs; the cookie is sent
 * to the callback path only, lives as long as the flow, and holds a random value whose hash is
 * kept with the flow — the flow itself (state, nonce, PKCE verifier) stays in the database, so
 * any hub instance can finish it. Without this binding, someone could start a link in their own
 * browser and hand a victim the callback address, linking the attacker's identity to the
 * victim's profile (or signing the victim in as the attacker).
 */
export const oidcFlowCookie = 'dd_portal_oidc';
/** An expired flow is kept this much longer, so its late callback is told "expired", not "unknown". */
const EXPIRED_FLOW_GRACE_MS = 60 * 60_000;

/** The address registered at the issuer: the portal's origin, the callback route. */
export const oidcRedirectUri = (config: PortalConfig) => new URL(portalRoutes.oidcCallback, config.publicUrl).href;

export function registerPortalOidcRoutes(app: FastifyInstance, deps: PortalAuthDeps): void {
  const { store, config } = deps;

  app.get(portalRoutes.oidcProvider, async (_request, reply) => {
    const answer: OidcProviderResponse = { provider: config.oidc ? { displayName: config.oidc.displayName } : null };
    return reply.header('cache-control', 'no-store').send(answer);
  });

  app.post(portalRoutes.oidcSignIn, async (request, reply) => startFlow(deps, request, reply, 'sign-in', null));

  app.post(portalRoutes.oidcLink, { preHandler: requireCustomer(store) }, async (request, reply) => startFlow(deps, request, reply, 'link', signedInCustomer(request)));

  app.post(portalRoutes.oidcUnlink, { preHandler: requireCustomer(store) }, async (request, reply) => {
    if (!config.oidc) return notConfigured(reply);
    const { issuer } = config.oidc;
    const customer = signedInCustomer(request);
    const me = await store.transaction(async (tx) => {
      if (await unlinkIdentity(tx.sql, customer.contact.id, issuer)) {
        await tx.audit({ entity: 'contact', entityId: customer.contact.id, action: 'portal-unlink-identity', before: JSON.stringify({ issuer }), after: null });
      }
      return describeCustomer(tx, customer.contact, customer.account, customer.profile, config);
    });
    return reply.header('cache-control', 'no-store').send(me);
  });

  app.get(portalRoutes.oidcCallback, async (request, reply) => {
    // The flow is single use whatever happens: its cookie goes too.
    reply.clearCookie(oidcFlowCookie, flowCookieOptions(config));
    const outcome = await finishFlow(deps, request, reply).catch((error: unknown): FlowOutcome => {
      // A top-level navigation: the customer gets the portal page with a reason, never a JSON error.
      request.log.error({ err: error }, 'external sign-in callback failed');
      return { route: 'sign-in', result: 'failed' };
    });
    const target = portalLink(config, outcome.route, outcome.result ? { oidc: outcome.result } : {});
    return reply.header('cache-control', 'no-store').redirect(target, 303);
  });
}

const notConfigured = (reply: FastifyReply) => sendPortalError(reply, 404, 'not_found', 'External sign-in is not set up on this portal.');

function flowCookieOptions(config: PortalConfig) {
  return { path: portalRoutes.oidcCallback, httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: Math.floor(config.oidcFlowLifetimeMs / 1000) } as const;
}

/** Counts the attempt, asks the issuer's metadata for the authorization address, records the flow and binds it to this browser. */
async function startFlow(deps: PortalAuthDeps, request: FastifyRequest, reply: FastifyReply, purpose: OidcFlowPurpose, customer: PortalCustomer | null): Promise<FastifyReply> {
  const { store, config, oidc } = deps;
  if (!oidc) return notConfigured(reply);
  const ticket = await admit(deps.limiters.oidc, customer ? `link|${customer.contact.id}` : 'sign-in', request, reply);
  if (!ticket) return reply;
  const secrets = PortalOidcClient.newSecrets();
  let authorizationUrl: string;
  try {
    authorizationUrl = await oidc.authorizationUrl(oidcRedirectUri(config), secrets);
  } catch (error) {
    if (!(error instanceof OidcFlowError)) throw error;
    request.log.warn({ event: 'oidc-unreachable', err: error }, 'external sign-in issuer unreachable');
    return sendPortalError(reply, 503, 'external_sign_in_unavailable', `${oidc.settings.displayName} cannot be reached right now; please try again later or sign in with your password.`);
  }
  const browserToken = newSessionToken();
  const now = Date.now();
  const flow: OidcFlow = {
    stateHash: hashSessionToken(secrets.state),
    purpose,
    browserHash: hashSessionToken(browserToken),
    issuer: oidc.settings.issuer,
    codeVerifier: secrets.codeVerifier,
    nonce: secrets.nonce,
    contactId: customer?.contact.id ?? null,
    sessionHash: customer?.tokenHash ?? null,
    attemptJson: JSON.stringify(ticket),
    createdAt: now,
    expiresAt: now + config.oidcFlowLifetimeMs,
  };
  await store.transaction(async (tx) => {
    await deleteStaleFlows(tx.sql, now - EXPIRED_FLOW_GRACE_MS);
    await insertFlow(tx.sql, flow);
  });
  reply.setCookie(oidcFlowCookie, browserToken, flowCookieOptions(config));
  const answer: OidcStartResponse = { authorizationUrl };
  return reply.header('cache-control', 'no-store').send(answer);
}

/** Takes the flow named by `state`, checks it belongs to this browser and is in time, and lets the issuer's answer be verified. */
async function finishFlow(deps: PortalAuthDeps, request: FastifyRequest, reply: FastifyReply): Promise<FlowOutcome> {
  const { store, config, oidc } = deps;
  const invalid: FlowOutcome = { route: 'sign-in', result: 'flow_invalid' };
  const query = OidcCallbackQuerySchema.safeParse(request.query);
  if (!oidc || !query.success || !query.data.state) return invalid;
  const state = query.data.state;
  const flow = await store.transaction((tx) => takeFlow(tx.sql, hashSessionToken(state)));
  const browser = request.cookies[oidcFlowCookie];
  if (!flow || !browser || hashSessionToken(browser) !== flow.browserHash || flow.issuer !== oidc.settings.issuer) return invalid;
  const back = flow.purpose === 'link' ? 'profile' : 'sign-in';
  if (flow.expiresAt <= Date.now()) return { route: back, result: 'flow_expired' };
  const callbackUrl = new URL(oidcRedirectUri(config));
  callbackUrl.search = request.url.split('?')[1] ?? '';
  try {
    const identity = await oidc.verify(callbackUrl, { state, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
    return flow.purpose === 'link' ? await finishLink(deps, flow, identity) : await finishSignIn(deps, flow, identity, reply);
  } catch (error) {
    if (!(error instanceof OidcFlowError)) throw error;
    request.log.warn({ event: 'oidc-flow-failed', reason: error.reason, err: error }, 'external sign-in did not finish');
    const result: OidcResult = error.reason;
    return { route: back, result };
  }
}
