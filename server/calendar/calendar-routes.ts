import type { FastifyInstance } from 'fastify';
import { calendarRouteRoles, calendarRoutes, feedPath, FeedFileParamsSchema, RotateFeedParamsSchema, type RotateFeedResponse } from '../../shared/contract/calendar-http';
import { hashSessionToken } from '../auth/session-token';
import { requireRole, signedInUser } from '../http/authenticate';
import { parseOr400, sendError } from '../http/http-errors';
import type { HubStore } from '../store/hub-store';
import { feedResource } from '../store/notifications/calendar-queries';
import { FeedRenderer } from './feed-renderer';
import { rotateFeedToken, technicianFeed } from './technician-feed';

/**
 * The technicians' iCalendar feeds (secret address, ETag / If-None-Match) and their rotation.
 * `publicUrl` is the hub's public address for the feed URLs it hands out (read per request:
 * the hub learns its own address once listening).
 */
export function registerCalendarRoutes(app: FastifyInstance, store: HubStore, publicUrl: () => string): void {
  const renderer = new FeedRenderer();
  app.get(calendarRoutes.feed, async (request, reply) => {
    const params = FeedFileParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 404, 'not_found', 'There is no such calendar feed.');
    const token = params.data.file.slice(0, -'.ics'.length);
    const feed = await store.read(async (tx) => {
      const resourceId = await feedResource(tx.sql, hashSessionToken(token));
      return resourceId ? technicianFeed(tx, renderer, resourceId, Date.now()) : undefined;
    });
    // The same answer for a rotated address and one that never existed.
    if (!feed) return sendError(reply, 404, 'not_found', 'There is no such calendar feed (its address may have been replaced by a newer one).');
    void reply.header('etag', feed.etag).header('cache-control', 'private, max-age=300').header('x-robots-tag', 'noindex');
    if (request.headers['if-none-match'] === feed.etag) return reply.code(304).send();
    return reply.type('text/calendar; charset=utf-8').send(feed.body);
  });

  app.post(calendarRoutes.rotateFeed, { preHandler: requireRole(store, calendarRouteRoles.rotateFeed) }, async (request, reply) => {
    const params = parseOr400(RotateFeedParamsSchema, request.params, reply, 'technician');
    if (!params) return reply;
    const by = signedInUser(request);
    const token = await store.transaction(async (tx) => ((await tx.get('resource', params.resourceId)) ? rotateFeedToken(tx, params.resourceId, by.email, Date.now()) : undefined));
    if (!token) return sendError(reply, 404, 'not_found', `There is no technician (resource) ${params.resourceId}.`);
    request.log.info({ event: 'calendar-feed-rotated', resourceId: params.resourceId, by: by.id }, 'calendar feed address replaced');
    const answer: RotateFeedResponse = { resourceId: params.resourceId, url: `${publicUrl().replace(/\/+$/, '')}${feedPath(token)}` };
    return reply.send(answer);
  });
}
