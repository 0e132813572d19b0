import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { hubBookings } from '../integration/console-sync/support/hub-changes';
import { createAdmin, newHubDataDir, startHub, stopChild, type HubProcess } from '../integration/support/hub-process';
import { startBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * A dispatcher connects the console to a real hub from Settings, works on the hub's data, and a
 * change made in the console reaches the hub. Runs its own hub and its own browser host (a
 * fresh replica), so the shared demo console of the other tests is left alone.
 */
let hub: HubProcess;
let host: ChildProcess;
let hostUrl: string;

test.beforeAll(async () => {
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true });
  ({ child: host, url: hostUrl } = await startBrowserHost());
});

test.afterAll(async () => {
  await stopChild(host);
  await hub.stop();
});

test('connects to a hub from Settings and sends a cancellation to it', async ({ page }) => {
  await page.goto(hostUrl);
  await connectFromSettings(page, hub.url);
  await page.screenshot({ path: test.info().outputPath('settings-connected.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'online');
  await expect(page.getByTestId('sync-banner')).toContainText('Online');

  await openWorkingDayAhead(page, hostUrl);
  await expect(page.getByTestId('board-summary')).toContainText('40 technicians');
  const booking = page.locator('[data-testid=board-booking][data-status=scheduled]').first();
  const bookingId = (await booking.getAttribute('data-booking-id'))!;
  await booking.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('booking-detail').getByRole('button', { name: 'Cancel booking…' }).click();
  const form = page.getByTestId('cancel-form');
  await form.getByLabel('Reason').selectOption('customer-request');
  await form.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByTestId('booking-status')).toHaveAttribute('data-status', 'canceled');

  await expect.poll(async () => (await hubBookings(hub.url)).get(bookingId)?.status, { timeout: 15_000 }).toBe('canceled');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('board-on-hub.png') });
});
