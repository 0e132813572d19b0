import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  BookingIdParamsSchema,
  BookRequestSchema,
  CallbackRequestSchema,
  CancelRequestSchema,
  FeedbackRequestSchema,
  FreeTimesQuerySchema,
  MoveFreeTimesQuerySchema,
  MoveRequestSchema,
  portalRoutes,
  type BookResponse,
  type PortalRequestCreated,
} from '../../shared/contract/portal-http';
import type { z } from 'zod';
import type { HubStore, HubTx } from '../store/hub-store';
import { technicianPhoto } from '../store/portal/technician-photo-queries';
import { trackingOf } from '../tracking/tracking-view';
import { homeOf } from './appointment-view';
import { bookingOptions, freeTimes, resolveChoice } from './free-times';
import type { PortalConfig } from './portal-config';
import { appointmentNow, cancelVisit, bookVisit, customerBooking, giveFeedback, moveVisit, requestCallback, SlotGone } from './portal-booking';
import { parsePortal, PortalRefusal, sendPortalError, sendRefusal } from './portal-errors';
import { requireCustomer, signedInCustomer, type PortalCustomer } from './portal-session';

export interface PortalAppointmentDeps {
  store: HubStore;
  config: PortalConfig;
  mailQueued: () => void;
}

/** Answers a refusal thrown by `work`; a slot gone gets 409 with the day's times read again after the rollback. */
async function answering(store: HubStore, reply: FastifyReply, work: () => Promise<unknown>): Promise<FastifyReply> {
  try {
    const answer = await work();
    return reply.header('cache-control', 'no-store').send(answer);
  } catch (error) {
    if (error instanceof PortalRefusal) return sendRefusal(reply, error);
    if (error instanceof SlotGone) {
      const fresh = await store.read((tx) => freeTimes(tx, error.choice, error.date, Date.now(), error.excludeBookingIds));
      return sendPortalError(reply, 409, 'slot_taken', error.message, { freeTimes: fresh });
    }
    throw error;
  }
}

export function registerPortalAppointmentRoutes(app: FastifyInstance, deps: PortalAppointmentDeps): void {
  const { store, config } = deps;
  const signedIn = { preHandler: requireCustomer(store) };

  app.get(portalRoutes.home, signedIn, async (request, reply) => {
    const customer = signedInCustomer(request);
    return answering(store, reply, () => store.read((tx) => homeOf(tx, customer.account, Date.now())));
  });

  app.get(portalRoutes.bookingOptions, signedIn, async (request, reply) => {
    const customer = signedInCustomer(request);
    return answering(store, reply, () => store.read((tx) => bookingOptions(tx, customer.account, Date.now())));
  });

  app.get(portalRoutes.freeTimes, signedIn, async (request, reply) => {
    const query = parsePortal(FreeTimesQuerySchema, request.query, reply);
    if (!query) return reply;
    const customer = signedInCustomer(request);
    return answering(store, reply, () =>
      store.read(async (tx) => freeTimes(tx, await resolveChoice(tx, customer.account, query.assetId, query.incidentTypeId), query.date, Date.now())),
    );
  });

  app.get(portalRoutes.appointment, signedIn, async (request, reply) => {
    const params = parsePortal(BookingIdParamsSchema, request.params, reply);
    if (!params) return reply;
    const customer = signedInCustomer(request);
    return answering(store, reply, () =>
      store.read((tx) => appointmentNow(tx, customer, params.bookingId, Date.now())),
    );
  });

  app.get(portalRoutes.moveFreeTimes, signedIn, async (request, reply) => {
    const params = parsePortal(BookingIdParamsSchema, request.params, reply);
    const query = params && parsePortal(MoveFreeTimesQuerySchema, request.query, reply);
    if (!params || !query) return reply;
    const customer = signedInCustomer(request);
    return answering(store, reply, () =>
      store.read(async (tx) => {
        const item = await customerBooking(tx, customer, params.bookingId);
        const choice = await resolveChoice(tx, customer.account, item.assetId, item.incidentTypeId, { requireBookable: false });
        return freeTimes(tx, choice, query.date, Date.now(), [item.booking.id]);
      }),
    );
  });

  app.get(portalRoutes.tracking, signedIn, async (request, reply) => {
    const params = parsePortal(BookingIdParamsSchema, request.params, reply);
    if (!params) return reply;
    const customer = signedInCustomer(request);
    return answering(store, reply, () =>
      store.read(async (tx) => {
        const item = await customerBooking(tx, customer, params.bookingId);
        return trackingOf(tx, customer, item, config.tileUrl, Date.now());
      }),
    );
  });

  app.get(portalRoutes.technicianPhoto, signedIn, async (request, reply) => {
    const params = parsePortal(BookingIdParamsSchema, request.params, reply);
    if (!params) return reply;
    const customer = signedInCustomer(request);
    try {
      const photo = await store.read(async (tx) => technicianPhoto(tx.sql, (await customerBooking(tx, customer, params.bookingId)).booking.resourceId));
      if (!photo) return sendPortalError(reply, 404, 'not_found', 'This technician has no photo.');
      const etag = `"${photo.sha256}"`;
      // The address carries the photo's version (tracking's photoUrl), so it may be kept; private: it is behind a session.
      void reply.header('etag', etag).header('cache-control', 'private, max-age=86400');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(photo.contentType).send(photo.bytes);
    } catch (error) {
      if (error instanceof PortalRefusal) return sendRefusal(reply, error);
      throw error;
    }
  });

  app.post(portalRoutes.book, signedIn, async (request, reply) => {
    const body = parsePortal(BookRequestSchema, request.body, reply);
    if (!body) return reply;
    const customer = signedInCustomer(request);
    const now = Date.now();
    return answering(store, reply, async (): Promise<BookResponse> => {
      const appointment = await store.transaction((tx) => bookVisit(tx, customer, body, now), { actor: `portal:${customer.contact.email}`, now });
      deps.mailQueued();
      reply.code(201);
      return { appointment };
    });
  });

  /** A change to one of the customer's visits: parsed, run in one transaction recorded for the customer. */
  function visitChange<S extends z.ZodType, T>(route: string, schema: S, status: number, run: (tx: HubTx, customer: PortalCustomer, bookingId: string, body: z.output<S>, now: number) => Promise<T>) {
    app.post(route, signedIn, async (request, reply) => {
      const params = parsePortal(BookingIdParamsSchema, request.params, reply);
      const body = params && parsePortal(schema, request.body, reply);
      if (!params || body === undefined) return reply;
      const customer = signedInCustomer(request);
      const now = Date.now();
      return answering(store, reply, async () => {
        const answer = await store.transaction((tx) => run(tx, customer, params.bookingId, body, now), { actor: `portal:${customer.contact.email}`, now });
        reply.code(status);
        return answer;
      });
    });
  }

  visitChange(portalRoutes.move, MoveRequestSchema, 200, async (tx, customer, bookingId, body, now): Promise<BookResponse> => ({ appointment: await moveVisit(tx, customer, bookingId, body.start, now) }));
  visitChange(portalRoutes.cancel, CancelRequestSchema, 200, async (tx, customer, bookingId, body, now): Promise<BookResponse> => ({ appointment: await cancelVisit(tx, customer, bookingId, body.note, now) }));
  visitChange(portalRoutes.feedback, FeedbackRequestSchema, 200, async (tx, customer, bookingId, body, now): Promise<BookResponse> => ({ appointment: await giveFeedback(tx, customer, bookingId, body, now) }));
  visitChange(portalRoutes.callbackRequest, CallbackRequestSchema, 201, async (tx, customer, bookingId, body, now): Promise<PortalRequestCreated> => ({ requestId: await requestCallback(tx, customer, bookingId, body, now) }));
}
