import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { HubStore } from '../store/hub-store';
import { registerAuthRoutes } from './auth-routes';
import { ChangeStreams } from './change-stream';
import { registerHealthRoute } from './health-route';
import { sendError } from './http-errors';
import { registerSyncRoutes } from './sync-routes';
import { registerUserRoutes } from './user-routes';

export interface HubAppOptions {
  version: string;
  /** Fastify's pino options (false: silent, as in tests using app.inject). */
  logger?: FastifyServerOptions['logger'];
}

const BODY_LIMIT = 5 * 1024 * 1024;

/** The hub's HTTP app over a store; `main.ts` listens with it, tests can also use `app.inject`. */
export function buildHubApp(store: HubStore, options: HubAppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: options.logger ?? false,
    // Idle keep-alive sockets would otherwise hold shutdown open.
    forceCloseConnections: 'idle',
  });
  // JSON is the only body format the API speaks; anything else gets 415.
  app.removeContentTypeParser(['text/plain']);
  app.decorateRequest('hubUser', null);
  const streams = new ChangeStreams(store);
  app.addHook('preClose', async () => streams.endAll());
  registerHealthRoute(app, store, options.version);
  registerAuthRoutes(app, store);
  registerUserRoutes(app, store);
  registerSyncRoutes(app, store, streams);
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `There is no route ${request.method} ${request.url.split('?')[0]}.`));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, 500, 'internal', 'The hub could not handle this request; the error was logged.');
    }
    return sendError(reply, status, errorCode(error), error.message);
  });
  return app;
}

function errorCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'invalid_json';
    default:
      return error.statusCode === 400 && error instanceof SyntaxError ? 'invalid_json' : 'bad_request';
  }
}
