import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPLICA_FILE_NAME } from '../../electron/main/db/open-replica';
import { hubBookings } from '../integration/console-sync/support/hub-changes';
import { createAdmin, newHubDataDir, startHub, stopChild, type HubProcess } from '../integration/support/hub-process';
import { startBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';

/**
 * Recovering from what sync cannot settle alone: "Re-download everything" from Settings, and a
 * change the hub kept failing on, shown with its attempts and last error and sent again with
 * "Try again". Own hub and browser host, so the shared demo console is left alone.
 */
let hub: HubProcess;
let host: ChildProcess;
let hostUrl: string;
let replicaFile: string;

test.use({ timezoneId: 'Asia/Tokyo' });

test.beforeAll(async () => {
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true });
  const started = await startBrowserHost();
  ({ child: host, url: hostUrl } = started);
  replicaFile = path.join(started.dataDir, REPLICA_FILE_NAME);
});

test.afterAll(async () => {
  await stopChild(host);
  await hub.stop();
});

// The second test works on the hub connection the first one makes.
test.describe.configure({ mode: 'serial' });

test('re-downloads everything from Settings after asking, and says why', async ({ page }) => {
  await page.goto(hostUrl);
  await connectFromSettings(page, hub.url);
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Re-download everything…' }).click();
  const question = dialog.getByRole('alertdialog');
  await expect(question).toContainText('Replace this computer\'s copy with a fresh download from the hub?');
  await page.screenshot({ path: test.info().outputPath('redownload-confirm.png') });
  await question.getByRole('button', { name: 'Keep the current copy' }).click();
  await expect(dialog.getByRole('alertdialog')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Re-download everything…' }).click();
  await dialog.getByRole('button', { name: 'Download everything' }).click();
  await expect(dialog.getByTestId('last-start-over')).toContainText('you asked for it', { timeout: 30_000 });
  await expect(dialog.getByTestId('last-start-over')).toContainText('CST');
  await page.screenshot({ path: test.info().outputPath('redownload-done.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'online');
});

test('shows a change the hub kept failing on with its attempts and last error, and sends it again on "Try again"', async ({ page }) => {
  await page.goto(hostUrl);
  await expect(page.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'online', { timeout: 30_000 });
  const bookingId = writeFailedPin();
  await page.keyboard.press('Control+Shift+Y');
  const panel = page.getByRole('dialog', { name: 'Changes the hub refused' });
  await expect(panel.getByTestId('sync-issue')).toHaveCount(1, { timeout: 15_000 });
  const issue = panel.getByTestId('sync-issue');
  await expect(issue).toHaveAttribute('data-state', 'failed');
  await expect(issue).toContainText('Pin booking');
  await expect(issue).toContainText('The hub could not apply this');
  await expect(issue.getByTestId('sync-issue-attempts')).toContainText('Sent 5 times');
  await page.screenshot({ path: test.info().outputPath('sync-issue-failed.png') });

  await issue.getByRole('button', { name: 'Try again: Pin booking' }).click();
  await expect(panel.getByTestId('sync-issues-empty')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await hubBookings(hub.url)).get(bookingId)?.pinned, { timeout: 15_000 }).toBe(true);
});

/**
 * Puts a pin of a real scheduled booking in the console's outbox as the sync engine leaves a
 * mutation after five server errors (state 'failed', its attempts and last error), as if the
 * hub had been failing on it; the console's own services pick it up from the file.
 */
function writeFailedPin(): string {
  const db = new Database(replicaFile);
  try {
    db.pragma('busy_timeout = 5000');
    const booking = db.prepare("SELECT id, version FROM bookings WHERE status = 'scheduled' AND pinned = 0 ORDER BY start_ms DESC LIMIT 1").get() as { id: string; version: number };
    db.prepare(
      `INSERT INTO outbox (mutation_id, name, args_json, created_at, attempts, state, last_error, server_errors)
       VALUES (?, 'pinBooking', ?, ?, 5, 'failed', 'The hub failed on this change unexpectedly (the error is in its log).', 5)`,
    ).run(crypto.randomUUID(), JSON.stringify({ bookingId: booking.id, expectedVersion: booking.version }), Date.now());
    return booking.id;
  } finally {
    db.close();
  }
}
