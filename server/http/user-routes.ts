import type { FastifyInstance } from 'fastify';
import { CreateUserRequestSchema, hubRoutes, routeRoles } from '../../shared/contract/hub-http';
import type { HubStore } from '../store/hub-store';
import { createUser, DuplicateUserError } from '../users/create-user';
import { requireRole, signedInUser } from './authenticate';
import { parseOr400, sendError } from './http-errors';

export function registerUserRoutes(app: FastifyInstance, store: HubStore): void {
  app.post(hubRoutes.users, { preHandler: requireRole(store, routeRoles.createUser) }, async (request, reply) => {
    const body = parseOr400(CreateUserRequestSchema, request.body, reply, 'user');
    if (!body) return reply;
    try {
      const user = await createUser(store, body);
      request.log.info({ event: 'user-created', userId: user.id, role: user.role, by: signedInUser(request).id }, 'user created');
      return reply.code(201).send({ user });
    } catch (error) {
      if (error instanceof DuplicateUserError) return sendError(reply, 409, 'user_exists', error.message);
      throw error;
    }
  });
}
