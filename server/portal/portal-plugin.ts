import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { portalRoutes, type CsrfTokenResponse } from '../../shared/contract/portal-http';
import { registerPortalAppointmentRoutes } from './portal-appointment-routes';
import { registerPortalAuthRoutes, type PortalAuthDeps } from './portal-auth-routes';
import { registerPortalOidcRoutes } from './portal-oidc-routes';
import { sendPortalError } from './portal-errors';
import { registerPortalSecurityHeaders } from './portal-security-headers';

export type PortalDeps = PortalAuthDeps;

export const portalCsrfCookie = 'dd_portal_csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The customer portal's API in its own Fastify scope: cookies, a CSRF check on every state
 * change (token from GET csrf-token, sent back in x-csrf-token; its secret lives in an HttpOnly
 * SameSite=Strict cookie, so a page elsewhere can neither read nor send it), and strict security
 * headers. Register the portal app's static files inside this scope too, so they get the same CSP.
 */
export async function portalPlugin(app: FastifyInstance, deps: PortalDeps): Promise<void> {
  await app.register(cookie);
  await app.register(csrf, { cookieKey: portalCsrfCookie, cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' } });
  await registerPortalSecurityHeaders(app, deps.config.tileUrl);
  app.decorateRequest('portalCustomer', null);
  app.addHook('onRequest', (request, reply, done) => {
    if (safeMethods.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
  app.setErrorHandler(answerPortalError);

  app.get(portalRoutes.csrfToken, async (_request, reply) => {
    const answer: CsrfTokenResponse = { token: reply.generateCsrf() };
    return reply.header('cache-control', 'no-store').send(answer);
  });
  registerPortalAuthRoutes(app, deps);
  registerPortalOidcRoutes(app, deps);
  registerPortalAppointmentRoutes(app, deps);
}

function answerPortalError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code?.startsWith('FST_CSRF')) return sendPortalError(reply, 403, 'csrf_invalid', 'The page is out of date or the request did not come from the portal; reload the page and try again.');
  if ((error.statusCode ?? 500) < 500) return sendPortalError(reply, error.statusCode ?? 400, 'invalid_request', error.message);
  request.log.error({ err: error }, 'portal request failed');
  return sendPortalError(reply, 500, 'server_error', 'Something went wrong on our side; nothing was changed. Please try again.');
}
