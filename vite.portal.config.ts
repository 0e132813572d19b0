import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The customer portal (portal/): a plain Vite build, served by the hub under /portal
 * (server/portal/serve-portal-app.ts). The map (Leaflet) is a lazy chunk of its own, so the
 * first load stays small; `npm run bench -- portal` measures both.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'portal'),
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-portal'),
    emptyOutDir: true,
    // Chromium on the machines we support; no legacy transforms.
    target: 'es2022',
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'portal/index.html') } },
  },
});
