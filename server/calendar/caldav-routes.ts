import type { FastifyInstance, FastifyReply } from 'fastify';
import { CaldavTargetBodySchema, calendarRouteRoles, calendarRoutes, TechnicianParamsSchema, type PublishingResponse } from '../../shared/contract/calendar-http';
import { requireRole, signedInUser } from '../http/authenticate';
import { parseOr400, sendError } from '../http/http-errors';
import type { HubStore } from '../store/hub-store';
import { caldavTarget } from '../store/notifications/caldav-target-queries';
import { allPublishing, technicianPublishing } from './caldav-publishing';
import type { CaldavPushControl } from './caldav-pusher';
import { credentialsInUrl, NEW_TARGET_NEEDS_PASSWORD, saveTarget } from './caldav-target';

const noTechnician = (reply: FastifyReply, id: string) => sendError(reply, 404, 'not_found', `There is no technician (resource) ${id}.`);

/**
 * Calendar publishing for administrators: every technician's state, a technician's CalDAV
 * target, and "push now". `pusher` is absent on a hub that runs no CalDAV push (tests of other
 * areas): targets can still be set, push-now answers 503.
 */
export function registerCaldavRoutes(app: FastifyInstance, store: HubStore, pusher: CaldavPushControl | undefined): void {
  app.get(calendarRoutes.publishing, { preHandler: requireRole(store, calendarRouteRoles.publishing) }, async (_request, reply) => {
    const answer: PublishingResponse = { technicians: await store.read((tx) => allPublishing(tx, Date.now())) };
    return reply.send(answer);
  });

  app.put(calendarRoutes.caldavTarget, { preHandler: requireRole(store, calendarRouteRoles.caldavTarget) }, async (request, reply) => {
    const params = parseOr400(TechnicianParamsSchema, request.params, reply, 'technician');
    if (!params) return reply;
    const body = parseOr400(CaldavTargetBodySchema, request.body, reply, 'CalDAV target');
    if (!body) return reply;
    if (credentialsInUrl(body.url)) return sendError(reply, 400, 'invalid_request', `Invalid CalDAV target: url: ${credentialsInUrl(body.url)}`, [{ path: 'url', message: credentialsInUrl(body.url)! }]);
    const saved = await store.transaction((tx) => saveTarget(tx, params.resourceId, body));
    if (saved === 'no-technician') return noTechnician(reply, params.resourceId);
    if (saved === 'no-password') return sendError(reply, 400, 'invalid_request', `Invalid CalDAV target: password: ${NEW_TARGET_NEEDS_PASSWORD}`, [{ path: 'password', message: NEW_TARGET_NEEDS_PASSWORD }]);
    request.log.info({ event: 'caldav-target-saved', resourceId: params.resourceId, url: body.url, enabled: body.enabled, by: signedInUser(request).id }, 'CalDAV target saved');
    pusher?.kick();
    return reply.send(await store.read((tx) => technicianPublishing(tx, params.resourceId, Date.now())));
  });

  app.post(calendarRoutes.caldavPushNow, { preHandler: requireRole(store, calendarRouteRoles.caldavPushNow) }, async (request, reply) => {
    const params = parseOr400(TechnicianParamsSchema, request.params, reply, 'technician');
    if (!params) return reply;
    const { resourceId } = params;
    const [resource, target] = await store.read(async (tx) => [await tx.get('resource', resourceId), await caldavTarget(tx.sql, resourceId)] as const);
    if (!resource) return noTechnician(reply, resourceId);
    if (!target) return sendError(reply, 409, 'caldav_not_set_up', `${resource.name} has no CalDAV calendar set up; set one up first.`);
    if (!target.enabled) return sendError(reply, 409, 'caldav_off', `CalDAV push is turned off for ${resource.name}; turn it on first.`);
    if (!pusher) return sendError(reply, 503, 'caldav_not_running', 'This hub does not run CalDAV push.');
    // false: another worker or hub instance is pushing this technician right now; the answer shows its progress.
    await pusher.pushNow(resourceId);
    return reply.send(await store.read((tx) => technicianPublishing(tx, resourceId, Date.now())));
  });
}
