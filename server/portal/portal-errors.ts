import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { PortalErrorBody, PortalErrorCode } from '../../shared/contract/portal-http';

export function sendPortalError(reply: FastifyReply, status: number, code: PortalErrorCode, message: string, extra: Omit<PortalErrorBody['error'], 'code' | 'message'> = {}): FastifyReply {
  const body: PortalErrorBody = { error: { code, message, ...extra } };
  return reply.code(status).type('application/json').header('cache-control', 'no-store').send(body);
}

/** Parses with a contract schema; answers 400 invalid_request naming every field otherwise. */
export function parsePortal<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.output<S> | undefined {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(whole)', message: i.message }));
  sendPortalError(reply, 400, 'invalid_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  return undefined;
}

/** Thrown inside a portal transaction to roll it back and answer with this error. */
export class PortalRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: PortalErrorCode,
    message: string,
    readonly extra: Omit<PortalErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'PortalRefusal';
  }
}

export function sendRefusal(reply: FastifyReply, refusal: PortalRefusal): FastifyReply {
  return sendPortalError(reply, refusal.status, refusal.code, refusal.message, refusal.extra);
}

export const notFound = (what = 'That appointment') => new PortalRefusal(404, 'not_found', `${what} does not exist.`);
