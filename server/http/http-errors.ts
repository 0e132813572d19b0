import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { HttpErrorBody } from '../../shared/contract/hub-http';

export function sendError(reply: FastifyReply, status: number, code: string, message: string, issues?: HttpErrorBody['error']['issues']): FastifyReply {
  const body: HttpErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return reply.code(status).type('application/json').send(body);
}

/**
 * Parses with a contract schema; on failure answers 400 with every issue named by its field
 * (e.g. "mutations.0.id: must be a UUID") and returns undefined.
 */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply, what: string): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(whole)', message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  sendError(reply, 400, 'invalid_request', `Invalid ${what}: ${summary}`, issues);
  return undefined;
}
