import type { FastifyInstance } from 'fastify';
import { hubRoutes, roles, SignInRequestSchema } from '../../shared/contract/hub-http';
import { signIn } from '../auth/sign-in';
import { SignInLimiter } from '../auth/sign-in-limiter';
import type { HubStore } from '../store/hub-store';
import { requireRole, signedInSession } from './authenticate';
import type { ChangeStreams } from './change-stream';
import { parseOr400, sendError } from './http-errors';

export function registerAuthRoutes(app: FastifyInstance, store: HubStore, streams: ChangeStreams, limiter = new SignInLimiter()): void {
  app.post(hubRoutes.signIn, async (request, reply) => {
    const body = parseOr400(SignInRequestSchema, request.body, reply, 'sign-in');
    if (!body) return reply;
    const admission = await limiter.begin(body.email, request.ip, Date.now());
    if (!admission.admitted) {
      const minutes = Math.ceil(admission.retryAfterMs / 60_000);
      request.log.warn({ event: 'sign-in-limited', by: admission.reason }, 'sign-in turned away');
      reply.header('retry-after', Math.ceil(admission.retryAfterMs / 1000));
      const whose = admission.reason === 'address' ? 'from your network address' : 'for this e-mail from your network address';
      return sendError(reply, 429, 'too_many_attempts', `Too many sign-in attempts ${whose}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
    const session = await signIn(store, body.email, body.password);
    if (!session) {
      request.log.info({ event: 'sign-in-failed' }, 'sign-in failed');
      return sendError(reply, 401, 'invalid_credentials', 'The e-mail or password is not right.');
    }
    await limiter.succeeded(admission.ticket);
    return reply.send(session);
  });

  app.post(hubRoutes.signOut, { preHandler: requireRole(store, roles) }, async (request, reply) => {
    const { tokenHash } = signedInSession(request);
    await store.transaction((tx) => tx.deleteSession(tokenHash));
    // Its event streams end with it: a signed-out console must stop hearing about changes.
    streams.endSession(tokenHash);
    return reply.send({ signedOut: true });
  });
}
