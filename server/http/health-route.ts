import type { FastifyInstance } from 'fastify';
import { hubRoutes, type HealthResponse } from '../../shared/contract/hub-http';
import type { HubStore } from '../store/hub-store';

/** No sign-in needed: load balancers and the console's "test connection" call it. */
export function registerHealthRoute(app: FastifyInstance, store: HubStore, version: string): void {
  app.get(hubRoutes.health, async (_request, reply) => {
    const latestChange = await store.transaction((tx) => tx.latestChange());
    const body: HealthResponse = { status: 'ok', version, latestChange };
    return reply.send(body);
  });
}
