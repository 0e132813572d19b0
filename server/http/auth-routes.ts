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
    const key = `${body.email.toLowerCase()}|${request.ip}`;
    const wait = limiter.retryAfter(key, Date.now());
    if (wait > 0) {
      reply.header('retry-after', Math.ceil(wait / 1000));
      return sendError(reply, 429, 'too_many_attempts', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} minute(s).`);
    }
    const session = await signIn(store, body.email, body.password);
    if (!session) {
      limiter.recordFailure(key, Date.now());
      request.log.info({ event: 'sign-in-failed' }, 'sign-in failed');
      return sendError(reply, 401, 'invalid_credentials', 'The e-mail or password is not right.');
    }
    limiter.reset(key);
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
