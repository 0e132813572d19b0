import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpErrorBody } from '../../shared/contract/hub-http';
import { sendError } from './http-errors';

/**
 * Errors raised by Fastify and Node's HTTP parser before or around our routes, answered in the
 * documented `{ error: { code, message } }` format like every other error, so a client needs
 * one error reader whatever went wrong.
 */

/** Errors thrown while handling a request: body parsing (Fastify's FST_ERR_CTP_*) and our own handlers. */
export function answerRequestError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'internal', 'The hub could not handle this request; the error was logged.');
  }
  const [code, message] = describeRequestError(error);
  return sendError(reply, status, code, message);
}

function describeRequestError(error: FastifyError): [code: string, message: string] {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return ['unsupported_media_type', 'The hub reads JSON bodies only: send them with "Content-Type: application/json".'];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ['body_too_large', 'The request body is larger than the hub accepts (5 MB); send fewer mutations at a time.'];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return ['invalid_json', 'The body is empty; send a JSON object.'];
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return ['invalid_json', 'The body is not valid JSON.'];
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return ['bad_request', 'The body is not as long as its Content-Length header says.'];
    default:
      return [error.statusCode === 400 && error instanceof SyntaxError ? 'invalid_json' : 'bad_request', error.message];
  }
}

/** Fastify's router errors (a %-escape that decodes to nothing, an overlong path parameter). */
export function answerRouterError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_BAD_URL') return sendError(reply, 400, 'bad_url', `The address has a malformed %-escape: ${error.message}.`);
  return sendError(reply, error.statusCode ?? 400, 'bad_url', error.message);
}

/** HTTP/1.1 requires Host; Node's own check answers with an empty 400, so the hub checks it here instead. */
export async function requireHostHeader(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
    await sendError(reply, 400, 'bad_request', 'HTTP/1.1 requests need a Host header.');
  }
}

/**
 * Errors of the connection itself (malformed HTTP, oversized headers, a request that did not
 * arrive in time). There is no reply object yet: the answer is written to the socket, which is
 * then closed, as Node itself does.
 */
export function answerConnectionError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  // Never write a second answer into one that has started.
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, message] = describeConnectionError(error);
  this.log.info({ event: 'client-error', status, code: error.code }, 'connection error answered');
  const body = JSON.stringify({ error: { code, message } } satisfies HttpErrorBody);
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}

function describeConnectionError(error: Error & { code?: string }): [status: number, code: string, message: string] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'The request did not arrive in time (headers or body too slow); the connection is closed. Send it again.'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers_too_large', 'The request line and headers are larger than the hub accepts (16 KB).'];
    default:
      return [400, 'bad_request', `The request is not valid HTTP/1.1 (${error.code ?? error.message}).`];
  }
}
