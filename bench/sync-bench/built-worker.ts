import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The first sync's snapshot reader worker bundled as the app ships it (electron-vite builds
 * out/main/snapshot-worker.js): a worker started from TypeScript source compiles itself first,
 * which costs most of a second that no user ever waits for.
 */
export async function buildSnapshotWorker(dir: string): Promise<string> {
  const outfile = path.join(dir, 'snapshot-worker.mjs');
  await build({ entryPoints: [path.join(root, 'electron/main/sync/snapshot-worker.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}
