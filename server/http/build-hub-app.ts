import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { SignInLimiter } from '../auth/sign-in-limiter';
import { registerPortalApp } from '../portal/serve-portal-app';
import type { HubStore } from '../store/hub-store';
import { registerAuthRoutes } from './auth-routes';
import { ChangeStreams } from './change-stream';
import { answerConnectionError, answerRequestError, answerRouterError, requireHostHeader } from './framework-errors';
import { registerHealthRoute } from './health-route';
import { sendError } from './http-errors';
import { defaultHubTimeouts, lateRequestCheckInterval, type HubTimeouts } from './hub-timeouts';
import { registerSyncRoutes } from './sync-routes';
import { registerUserRoutes } from './user-routes';
import { portalPlugin, type PortalDeps } from '../portal/portal-plugin';
import type { MutationEffects } from '../sync/push-mutations';
import { registerTechnicianRoutes } from '../tracking/technician-routes';
import { registerCalendarRoutes } from '../calendar/calendar-routes';
import { registerCaldavRoutes } from '../calendar/caldav-routes';
import type { CaldavPushControl } from '../calendar/caldav-pusher';

export interface HubAppOptions {
  version: string;
  /** Fastify's pino options (false: silent, as in tests using app.inject). */
  logger?: FastifyServerOptions['logger'];
  timeouts?: HubTimeouts;
  /** How often event streams get a heartbeat and their session is checked again (default 15 s). */
  eventHeartbeatMs?: number;
  /** Sign-in attempt limits and where they are counted (default: in memory, docs/hub.md's limits). */
  signInLimiter?: SignInLimiter;
  /** The customer portal's API (cookies, CSRF, security headers in its own scope); absent: no portal. */
  portal?: PortalDeps;
  /** What the hub adds after a pushed mutation applied (invitation codes and e-mails). */
  mutationEffects?: MutationEffects;
  /** Where the built portal app is (default: dist-portal/ of this checkout); served under /portal/ with the portal. */
  portalAppDir?: string;
  /** The hub's public address, for the calendar feed URLs it hands out (default: the request's own host). */
  publicUrl?: () => string;
  /** The CalDAV pusher the publishing routes drive (absent: targets can be set, push-now answers 503). */
  caldav?: CaldavPushControl;
}

const BODY_LIMIT = 5 * 1024 * 1024;

/** The hub's HTTP app over a store; `main.ts` listens with it, tests can also use `app.inject`. */
export function buildHubApp(store: HubStore, options: HubAppOptions): FastifyInstance {
  const timeouts = options.timeouts ?? defaultHubTimeouts;
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: options.logger ?? false,
    // Idle keep-alive sockets would otherwise hold shutdown open.
    forceCloseConnections: 'idle',
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: lateRequestCheckInterval(timeouts),
      // Checked by requireHostHeader instead, which answers in the hub's error format.
      requireHostHeader: false,
    },
    clientErrorHandler: answerConnectionError,
    frameworkErrors: answerRouterError,
  });
  app.addHook('onRequest', requireHostHeader);
  // JSON is the only body format the API speaks; anything else gets 415.
  app.removeContentTypeParser(['text/plain']);
  app.decorateRequest('hubSession', null);
  const streams = new ChangeStreams(store, options.eventHeartbeatMs);
  app.addHook('preClose', async () => streams.endAll());
  registerHealthRoute(app, store, options.version);
  registerAuthRoutes(app, store, streams, options.signInLimiter);
  registerUserRoutes(app, store);
  registerSyncRoutes(app, store, streams, options.mutationEffects);
  registerTechnicianRoutes(app, store);
  registerCalendarRoutes(app, store, options.publicUrl ?? (() => ''));
  registerCaldavRoutes(app, store, options.caldav);
  const portal = options.portal;
  if (portal) {
    void app.register(async (scope) => portalPlugin(scope, portal));
    registerPortalApp(app, { dir: options.portalAppDir, tileUrl: portal.config.tileUrl });
  }
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `There is no route ${request.method} ${request.url.split('?')[0]}.`));
  app.setErrorHandler(answerRequestError);
  return app;
}
