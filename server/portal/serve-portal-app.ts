import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { portalBasePath } from '../../shared/contract/portal-http';
import { registerPortalSecurityHeaders } from './portal-security-headers';

/** Where `npm run build:portal` (vite.portal.config.ts) writes the customer portal. */
export const defaultPortalDir = path.resolve(import.meta.dirname, '..', '..', 'dist-portal');

export interface PortalAppOptions {
  /** The built app (default: dist-portal/ of this checkout). */
  dir?: string;
  /** The live map's tile URL template: its origin is the one place besides the hub images may come from. */
  tileUrl?: string | null;
}

/**
 * Serves the built customer portal under /portal/: one page (routes live in the URL's hash),
 * its hashed assets cached for a year, the page itself never cached, and pre-compressed copies
 * (.br, .gz written at build time) to browsers that accept them. The page carries a strict
 * Content-Security-Policy: scripts, styles, fonts and API calls from the hub only, images also
 * from the tile server; no framing. Without a build the hub still runs and /portal/ says how
 * to build it.
 */
export function registerPortalApp(app: FastifyInstance, options: PortalAppOptions = {}): void {
  const dir = options.dir ?? defaultPortalDir;
  const prefix = `${portalBasePath}/`;
  app.get(portalBasePath, (_request, reply) => reply.redirect(prefix, 301));
  if (!existsSync(path.join(dir, 'index.html'))) {
    app.get(`${prefix}*`, (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The customer portal is not built on this hub. Run `npm run build:portal` (or `npm run build`) and restart the hub.\n'),
    );
    return;
  }
  void app.register(async (scope) => {
    await registerPortalSecurityHeaders(scope, options.tileUrl ?? null);
    await scope.register(fastifyStatic, {
      root: dir,
      prefix,
      index: ['index.html'],
      preCompressed: true,
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashedAsset = path.relative(dir, filePath).startsWith(`assets${path.sep}`);
        reply.header('cache-control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  });
}
