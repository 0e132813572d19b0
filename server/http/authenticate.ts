import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/contract/hub-http';
import { bearerToken, hashSessionToken } from '../auth/session-token';
import type { HubStore, StoredUser } from '../store/hub-store';
import { sendError } from './http-errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by `requireRole` before the handler runs. */
    hubUser: StoredUser | null;
  }
}

/** Builds a pre-handler: 401 without a valid, unexpired session; 403 when the role may not call the route. */
export function requireRole(store: HubStore, roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization);
    if (!token) return void sendError(reply, 401, 'unauthorized', 'Sign in first: send "Authorization: Bearer <token>" from POST /api/v1/auth/sign-in.');
    const user = await store.transaction((tx) => tx.findSessionUser(hashSessionToken(token), Date.now()));
    if (!user) return void sendError(reply, 401, 'unauthorized', 'Your session has expired or was signed out; sign in again.');
    if (!roles.includes(user.role)) {
      return void sendError(reply, 403, 'forbidden', `This needs one of the roles ${roles.join(', ')}; you are signed in as ${user.role}.`);
    }
    request.hubUser = user;
  };
}

/** The user `requireRole` let through (routes only call this behind it). */
export function signedInUser(request: FastifyRequest): StoredUser {
  if (!request.hubUser) throw new Error('route registered without requireRole');
  return request.hubUser;
}
