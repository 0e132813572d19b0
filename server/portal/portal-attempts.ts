import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignInLimiter, SignInTicket } from '../auth/sign-in-limiter';
import { sendPortalError } from './portal-errors';

/** Counts the attempt first; answers 429 and undefined when over a limit. */
export async function admit(limiter: SignInLimiter, email: string, request: FastifyRequest, reply: FastifyReply): Promise<SignInTicket | undefined> {
  const admission = await limiter.begin(email, request.ip, Date.now());
  if (admission.admitted) return admission.ticket;
  const seconds = Math.ceil(admission.retryAfterMs / 1000);
  reply.header('retry-after', seconds);
  const minutes = Math.ceil(seconds / 60);
  sendPortalError(reply, 429, 'rate_limited', `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { retryAfterSeconds: seconds });
  return undefined;
}
