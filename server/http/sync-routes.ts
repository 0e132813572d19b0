import type { FastifyInstance } from 'fastify';
import { hubRoutes, PullQuerySchema, PushRequestSchema, routeRoles, type PushResponse } from '../../shared/contract/hub-http';
import type { HubStore } from '../store/hub-store';
import { pullChanges, CursorFromFutureError } from '../sync/pull-changes';
import { pushMutations, type MutationEffects } from '../sync/push-mutations';
import { snapshotBody, writeSnapshot } from '../sync/snapshot-stream';
import { requireRole, signedInSession, signedInUser } from './authenticate';
import type { ChangeStreams } from './change-stream';
import { parseOr400, sendError } from './http-errors';

export function registerSyncRoutes(app: FastifyInstance, store: HubStore, streams: ChangeStreams, effects?: MutationEffects): void {
  app.get(hubRoutes.pull, { preHandler: requireRole(store, routeRoles.pull) }, async (request, reply) => {
    const query = parseOr400(PullQuerySchema, request.query, reply, 'pull query');
    if (!query) return reply;
    try {
      return reply.send(await pullChanges(store, query.cursor, query.limit));
    } catch (error) {
      if (error instanceof CursorFromFutureError) return sendError(reply, 409, 'cursor_from_future', error.message);
      throw error;
    }
  });

  app.post(hubRoutes.push, { preHandler: requireRole(store, routeRoles.push) }, async (request, reply) => {
    const body = parseOr400(PushRequestSchema, request.body, reply, 'push');
    if (!body) return reply;
    const user = signedInUser(request);
    const results = await pushMutations(store, user, body.mutations, request.log, effects);
    const applied = results.filter((r) => r.status === 'applied').length;
    request.log.info({ event: 'push', userId: user.id, mutations: results.length, applied }, 'push handled');
    const response: PushResponse = { results };
    return reply.send(response);
  });

  // A first sync in one stream instead of hundreds of pages (shared/contract/snapshot-stream.ts).
  app.get(hubRoutes.snapshot, { preHandler: requireRole(store, routeRoles.snapshot) }, async (request, reply) => {
    const body = snapshotBody();
    void writeSnapshot(store, body).catch((error: unknown) => request.log.warn({ err: error }, 'snapshot stream ended early'));
    return reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(body);
  });

  app.get(hubRoutes.events, { preHandler: requireRole(store, routeRoles.events) }, async (request, reply) => {
    const { tokenHash, expiresAt } = signedInSession(request);
    // The stream outlives the handler: Fastify hands the raw response over and stops tracking it.
    reply.hijack();
    streams.attach(reply.raw, { tokenHash, expiresAt });
  });
}
