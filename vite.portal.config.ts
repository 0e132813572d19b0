import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const outDir = resolve(import.meta.dirname, 'dist-portal');

/**
 * The customer portal (portal/): a plain Vite build, served by the hub under /portal
 * (server/portal/serve-portal-app.ts). The map (Leaflet) is a lazy chunk of its own, so the
 * first load stays small; `npm run bench -- portal` measures both.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'portal'),
  base: '/portal/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Chromium on the machines we support; no legacy transforms.
    target: 'es2022',
    // Minified size says little; the gzipped budget (250 KB) is checked by `npm run bench -- portal`.
    chunkSizeWarningLimit: 800,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'portal/index.html') } },
  },
});

/** Brotli and gzip copies beside each text file, which the hub sends to browsers that accept them (no compression per request). */
function precompress(): Plugin {
  return {
    name: 'dispatch-desk-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const path = join(outDir, file);
        const content = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}
