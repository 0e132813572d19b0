import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The portal's security headers (helmet) with its content security policy. Strict-Transport-
 * Security only on answers that came over https (a hub serving TLS itself): on plain http it
 * means nothing to browsers, and a TLS proxy in front of the hub sets its own (docs/hub.md).
 */
export async function registerPortalSecurityHeaders(scope: FastifyInstance, tileUrl: string | null): Promise<void> {
  await scope.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(tileUrl) }, crossOriginEmbedderPolicy: false, strictTransportSecurity: false });
  scope.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
  });
}

/** Scripts, styles, data only from the hub itself; images also from the map tile server; no framing, no plugins. */
export function cspDirectives(tileUrl: string | null): Record<string, string[]> {
  const tiles = tileUrl ? [new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Mantine sets CSS variables in style attributes.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', ...tiles],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}
