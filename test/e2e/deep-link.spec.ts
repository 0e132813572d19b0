import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { useOwnBrowserHost } from './support/browser-host-process';

/**
 * A dispatch-desk:// link handed to the running console, as a second launch of the desktop app
 * hands it over: `npm run open-link` posts it to the browser host, which runs the same handler
 * (openLink → the window takes it) as Electron's second-instance event.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

const host = useOwnBrowserHost();

function openLink(url: string): Promise<{ code: number | null; output: string }> {
  const port = new URL(host.url()).port;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser-host/open-link.ts', '--port', port, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

test('a link handed to the running console opens its work order; a bad one is refused with the reason', async ({ page }) => {
  await page.goto(host.url());
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  expect(await openLink('dispatch-desk://work-order/WO-00007')).toMatchObject({ code: 0 });
  await expect(page.getByTestId('work-order-detail')).toHaveAttribute('data-number', 'WO-00007');
  await page.screenshot({ path: test.info().outputPath('deep-link.png') });
  await page.keyboard.press('Escape');

  const refused = await openLink('dispatch-desk://invoice/42');
  expect(refused.code).toBe(1);
  expect(refused.output).toContain('Dispatch Desk cannot open "invoice" links.');
  await expect(page.getByTestId('record-drawer')).toBeHidden();

  // A number this console does not know opens the drawer with that said, not a blank screen.
  expect(await openLink('dispatch-desk://work-order/WO-99999')).toMatchObject({ code: 0 });
  await expect(page.getByTestId('record-drawer')).toContainText('There is no work order WO-99999 on this computer.');
});

test('a link handed over before the window opens is opened when it does', async ({ page }) => {
  expect(await openLink('dispatch-desk://work-order/WO-00009')).toMatchObject({ code: 0 });
  await page.goto(host.url());
  await expect(page.getByTestId('work-order-detail')).toHaveAttribute('data-number', 'WO-00009');
});

test('a web page cannot hand over links (it always sends an Origin)', async ({ page }) => {
  await page.goto(host.url());
  const status = await page.evaluate(async () => (await fetch('/open-link', { method: 'POST', body: JSON.stringify({ url: 'dispatch-desk://work-order/WO-00001' }) })).status);
  expect(status).toBe(403);
});
