import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ADMIN, createAdmin, newHubDataDir, startHub, stopChild, type HubProcess } from '../integration/support/hub-process';
import { startBrowserHost } from './support/browser-host-process';
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
  await expect(page.getByTestId('sync-banner')).toContainText('Demo data');
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Hub address').fill(hub.url);
  await dialog.getByLabel('E-mail').fill(ADMIN.email);
  await dialog.getByLabel('Password').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toContainText(`Connected to ${hub.url} as ${ADMIN.name}`, { timeout: 30_000 });
  await expect(dialog.getByTestId('initial-sync')).toHaveCount(0, { timeout: 30_000 });
  await expect(dialog).toContainText('Last sync');
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

  await expect.poll(() => hubBookingStatus(bookingId), { timeout: 15_000 }).toBe('canceled');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('board-on-hub.png') });
});

function hubBookingStatus(bookingId: string): string | undefined {
  const db = new Database(path.join(hub.dataDir, 'hub.sqlite'), { readonly: true });
  try {
    const row = db.prepare("SELECT data FROM rows WHERE entity = 'booking' AND id = ?").get(bookingId) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as { status: string }).status : undefined;
  } finally {
    db.close();
  }
}
