import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/contract/hub-http';
import { bearerToken, hashSessionToken } from '../auth/session-token';
import type { HubStore, StoredUser } from '../store/hub-store';
import { sendError } from './http-errors';

/** Who is calling, and which session they call with (streams end with it). */
export interface SignedInSession {
  user: StoredUser;
  tokenHash: string;
  expiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session, set by `requireRole` before the handler runs. */
    hubSession: SignedInSession | null;
  }
}

/** Builds a pre-handler: 401 without a valid, unexpired session; 403 when the role may not call the route. */
export function requireRole(store: HubStore, roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization);
    if (!token) return void sendError(reply, 401, 'unauthorized', 'Sign in first: send "Authorization: Bearer <token>" from POST /api/v1/auth/sign-in.');
    const tokenHash = hashSessionToken(token);
    const session = await store.read((tx) => tx.findSession(tokenHash, Date.now()));
    if (!session) return void sendError(reply, 401, 'unauthorized', 'Your session has expired or was signed out; sign in again.');
    if (!roles.includes(session.user.role)) {
      return void sendError(reply, 403, 'forbidden', `This needs one of the roles ${roles.join(', ')}; you are signed in as ${session.user.role}.`);
    }
    request.hubSession = { ...session, tokenHash };
  };
}

/** The session `requireRole` let through (routes only call this behind it). */
export function signedInSession(request: FastifyRequest): SignedInSession {
  if (!request.hubSession) throw new Error('route registered without requireRole');
  return request.hubSession;
}

export function signedInUser(request: FastifyRequest): StoredUser {
  return signedInSession(request).user;
}
