import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPLICA_FILE_NAME } from '../main/db/open-replica';
import { createApiDispatcher } from '../main/ipc/register';
import { preferencesFileFor } from '../main/preferences/preferences-store';
import { startConsoleServices } from '../main/services';
import { contentSecurityPolicy } from '../main/security-policy';
import { startBrowserHost } from './browser-host';

/**
 * `npm run browser-host -- [--port 5199] [--data .cache/browser-host] [--fresh] [--plan-worker <file>]`
 * Runs the console's services in Node and serves the built renderer (npm run build) to any
 * browser on 127.0.0.1. Used by the Playwright suite and the board benchmark. `--plan-worker`
 * runs "Plan the day" in another worker script (the suite uses one that holds its improved plan
 * back, so a plan can be canceled while improving on any machine).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    data: { type: 'string', default: '.cache/browser-host' },
    static: { type: 'string', default: 'out/renderer' },
    fresh: { type: 'boolean', default: false },
    'plan-worker': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}".`);
  process.exit(2);
}
const dataFile = path.resolve(values.data, REPLICA_FILE_NAME);
if (values.fresh) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dataFile + suffix, { force: true });
  rmSync(preferencesFileFor(dataFile), { force: true });
}

const services = startConsoleServices({ dataFile, appVersion: process.env.npm_package_version ?? '0.0.0', runtime: 'browser-host',
  ...(values['plan-worker'] ? { planWorkerFile: path.resolve(values['plan-worker']) } : {}),
});
const host = await startBrowserHost({
  staticDir: path.resolve(values.static),
  dispatch: createApiDispatcher(services),
  port,
  events: services.onEvent,
  contentSecurityPolicy: () => contentSecurityPolicy(services.preferences.get().mapTileUrl),
});
console.log(`Dispatch Desk browser host on ${host.url} (replica ${dataFile})`);

const stop = async () => {
  await host.close();
  services.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
