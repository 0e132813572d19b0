import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BookingIdParamsSchema,
  LocationPingSchema,
  MAX_PING_CLOCK_SKEW_MS,
  MIN_PING_INTERVAL_MS,
  technicianRoutes,
  TechnicianStatusRequestSchema,
  type LocationPingResponse,
  type TechnicianBookingsResponse,
  type TechnicianStatusResponse,
} from '../../shared/contract/portal-http';
import { changeStatus } from '../../shared/mutations/booking-mutations';
import { MutationRefusal } from '../../shared/mutations/mutation-context';
import { bearerToken, hashSessionToken } from '../auth/session-token';
import { parseOr400, sendError } from '../http/http-errors';
import type { HubStore } from '../store/hub-store';
import { findTechnicianToken, insertPing, lastPingReceivedAt } from '../store/portal/tracking-queries';
import { registerTechnicianPhotoRoutes } from './technician-photo-routes';

const DAY_MS = 86_400_000;

declare module 'fastify' {
  interface FastifyRequest {
    technicianId: string | null;
  }
}

function requireTechnician(store: HubStore) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    const found = token ? await store.read((tx) => findTechnicianToken(tx.sql, hashSessionToken(token))) : undefined;
    if (!found) return sendError(reply, 401, 'unauthenticated', 'A valid technician token is needed (Authorization: Bearer …); an administrator issues one with "npm run hub -- technician-token --resource <id>".');
    request.technicianId = found.resourceId;
  };
}

const technicianOf = (request: FastifyRequest) => request.technicianId ?? '';

/** The technician API: own bookings, status changes through the state machine, location pings. */
export function registerTechnicianRoutes(app: FastifyInstance, store: HubStore): void {
  app.decorateRequest('technicianId', null);
  const auth = { preHandler: requireTechnician(store) };
  registerTechnicianPhotoRoutes(app, store, auth, technicianOf);

  app.get(technicianRoutes.bookings, auth, async (request, reply) => {
    const resourceId = technicianOf(request);
    const now = Date.now();
    const answer = await store.read(async (tx): Promise<TechnicianBookingsResponse> => {
      const bookings = await tx.activeBookingsBetween(now - DAY_MS, now + 2 * DAY_MS, [resourceId]);
      const workOrders = await Promise.all(bookings.map((b) => tx.get('workOrder', b.workOrderId)));
      const accounts = await Promise.all(workOrders.map((w) => (w ? tx.get('account', w.accountId) : undefined)));
      return {
        resourceId,
        bookings: bookings.map((b, i) => ({
          bookingId: b.id,
          version: b.version,
          workOrderNumber: workOrders[i]?.number ?? '',
          status: b.status,
          start: b.start,
          end: b.end,
          address: accounts[i]?.address ?? '',
          site: { lat: accounts[i]?.lat ?? 0, lng: accounts[i]?.lng ?? 0 },
        })),
      };
    });
    return reply.send(answer);
  });

  app.post(technicianRoutes.status, auth, async (request, reply) => {
    const params = parseOr400(BookingIdParamsSchema, request.params, reply, 'booking');
    const body = params && parseOr400(TechnicianStatusRequestSchema, request.body, reply, 'status change');
    if (!params || !body) return reply;
    const resourceId = technicianOf(request);
    try {
      const answer = await store.transaction(
        async (tx): Promise<TechnicianStatusResponse | undefined> => {
          const booking = await tx.get('booking', params.bookingId);
          if (!booking || booking.resourceId !== resourceId) return undefined;
          if (body.expectedVersion !== undefined && body.expectedVersion !== booking.version) {
            throw new MutationRefusal('version_conflict', `The booking changed meanwhile (version ${booking.version}, you had ${body.expectedVersion}).`);
          }
          await changeStatus(tx, booking, body.status);
          const after = await tx.get('booking', booking.id);
          return { bookingId: booking.id, status: body.status, version: after?.version ?? booking.version + 1 };
        },
        { actor: `technician:${resourceId}`, now: Date.now() },
      );
      if (!answer) return sendError(reply, 404, 'not_found', `Booking ${params.bookingId} is not one of yours.`);
      return reply.send(answer);
    } catch (error) {
      if (error instanceof MutationRefusal) return sendError(reply, 409, error.code === 'version_conflict' ? 'version_conflict' : 'state', error.message);
      throw error;
    }
  });

  app.post(technicianRoutes.location, auth, async (request, reply) => {
    const body = parseOr400(LocationPingSchema, request.body, reply, 'location');
    if (!body) return reply;
    const resourceId = technicianOf(request);
    const now = Date.now();
    if (body.at > now + MAX_PING_CLOCK_SKEW_MS) return sendError(reply, 400, 'invalid_request', 'Invalid location: at: lies in the future (check the device clock).', [{ path: 'at', message: 'lies in the future' }]);
    const accepted = await store.transaction(async (tx) => {
      const last = await lastPingReceivedAt(tx.sql, resourceId);
      if (last !== undefined && now - last < MIN_PING_INTERVAL_MS) return false;
      await insertPing(tx.sql, { resourceId, lat: body.lat, lng: body.lng, accuracyMeters: body.accuracyMeters ?? null, at: body.at, receivedAt: now });
      return true;
    });
    if (!accepted) {
      reply.header('retry-after', Math.ceil(MIN_PING_INTERVAL_MS / 1000));
      return sendError(reply, 429, 'rate_limited', `At most one position every ${MIN_PING_INTERVAL_MS / 1000} seconds.`);
    }
    const answer: LocationPingResponse = { accepted: true };
    return reply.code(202).send(answer);
  });
}
