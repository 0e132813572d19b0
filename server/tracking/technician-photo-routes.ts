import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { MAX_TECHNICIAN_PHOTO_BYTES, technicianPhotoTypes, technicianRoutes } from '../../shared/contract/portal-http';
import { sendError } from '../http/http-errors';
import type { HubStore } from '../store/hub-store';
import { removeTechnicianPhoto, saveTechnicianPhoto } from '../store/portal/technician-photo-queries';
import { checkTechnicianPhoto } from './technician-photo';

/**
 * The technician's app sets or removes the technician's own photo (shown to customers on the
 * live tracking page). The body is the image itself; its first bytes decide its type.
 */
export function registerTechnicianPhotoRoutes(app: FastifyInstance, store: HubStore, auth: { preHandler: preHandlerHookHandler }, technicianOf: (request: FastifyRequest) => string): void {
  // Twice the limit reaches the handler, which names the limit; beyond that Fastify answers 413 itself.
  app.addContentTypeParser([...technicianPhotoTypes], { parseAs: 'buffer', bodyLimit: 2 * MAX_TECHNICIAN_PHOTO_BYTES }, (_request, body, done) => done(null, body));

  app.put(technicianRoutes.photo, auth, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) {
      return sendError(reply, 415, 'unsupported_media_type', `Send the photo itself as the body, with Content-Type ${technicianPhotoTypes.join(', ')}.`);
    }
    const checked = checkTechnicianPhoto(request.body);
    if (!checked.ok) return sendError(reply, request.body.length > MAX_TECHNICIAN_PHOTO_BYTES ? 413 : 400, 'invalid_photo', checked.reason);
    const resourceId = technicianOf(request);
    await store.transaction((tx) => saveTechnicianPhoto(tx.sql, resourceId, checked.photo, Date.now()));
    return reply.code(204).send();
  });

  app.delete(technicianRoutes.photo, auth, async (request: FastifyRequest, reply: FastifyReply) => {
    const removed = await store.transaction((tx) => removeTechnicianPhoto(tx.sql, technicianOf(request)));
    if (!removed) return sendError(reply, 404, 'not_found', 'There is no photo to remove.');
    return reply.code(204).send();
  });
}
