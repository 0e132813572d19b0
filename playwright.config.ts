import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/chromium-launch';
import { electronBinary, electronSkipReason } from './test/e2e-electron/electron-binary';

/**
 * Browser end-to-end tests run the real renderer in Debian's Chromium against the browser host
 * (the console's real services and a fresh SQLite file). Electron tests launch the real app and
 * report themselves skipped where no Electron binary is installed.
 */
// Printed once by the runner (workers load this file too): the list reporter hides skip reasons.
if (!process.env.TEST_WORKER_INDEX && !electronBinary()) console.log(`Electron end-to-end tests will be skipped: ${electronSkipReason}`);

const port = Number(process.env.DISPATCH_DESK_E2E_PORT ?? 5321);

export default defineConfig({
  outputDir: 'test-results',
  reporter: [['list']],
  timeout: 60_000,
  workers: 1,
  use: { baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1600, height: 900 } },
  projects: [
    {
      name: 'browser',
      testDir: 'test/e2e',
      use: { launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs } },
    },
    { name: 'electron', testDir: 'test/e2e-electron' },
    {
      // The customer portal against a real hub and a real SMTP server its fixtures start (free ports);
      // the browser sits in Tokyo while the demo accounts are in Chicago, so a time shown in the
      // browser's zone would be caught.
      name: 'portal',
      testDir: 'test/e2e-portal',
      use: { launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs }, timezoneId: 'Asia/Tokyo', locale: 'en-US', viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: {
    command: `npm run build --silent && tsx electron/browser-host/serve.ts --port ${port} --data .cache/e2e-replica --fresh`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
