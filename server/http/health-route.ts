import type { FastifyInstance } from 'fastify';
import { hubRoutes, type HealthResponse } from '../../shared/contract/hub-http';
import type { HubStore } from '../store/hub-store';

/** No sign-in needed: load balancers and the console's "test connection" call it. */
export function registerHealthRoute(app: FastifyInstance, store: HubStore, version: string): void {
  app.get(hubRoutes.health, async (_request, reply) => {
    const { latestChange, hub } = await store.read(async (tx) => ({ latestChange: await tx.latestChange(), hub: await tx.identity() }));
    const body: HealthResponse = { status: 'ok', version, latestChange, hub };
    return reply.send(body);
  });
}
