import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { HubClient } from '../../electron/main/sync/hub-client';
import { hubRoutes, type PushResponse } from '../../shared/contract/hub-http';
import { hubRows } from '../integration/console-sync/support/hub-changes';
import { createAdmin, newHubDataDir, startHub, stopChild, type HubProcess } from '../integration/support/hub-process';
import { freePort } from '../support/free-port';
import { startBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';
import { createHubUser } from './support/hub-user';

/**
 * What the hub e-mailed, seen from the console as back office: a cancellation's e-mail whose SMTP
 * server refuses connections shows as waiting with the true error, in Portal → E-mails and in the
 * work order's E-mails tab. The browser in Tokyo, the company in Chicago.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

const BACK_OFFICE = { email: 'bo.mail@example.com', name: 'Bea Backoffice', password: 'a long back office password', role: 'back_office' };
let hub: HubProcess;
let host: { child: ChildProcess; url: string };

test.beforeAll(async () => {
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  // Nothing listens there: connections are refused, as when the mail server is down.
  const mailPort = await freePort();
  hub = await startHub({ dataDir, demo: true, args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(mailPort)] });
  await createHubUser(hub.url, BACK_OFFICE);
  host = await startBrowserHost();
});
test.afterAll(async () => {
  await stopChild(host.child);
  await hub.stop();
});

test('back office sees a cancellation e-mail waiting with the SMTP error, overall and in the work order', async ({ page }) => {
  // A scheduled demo visit whose work order has a primary contact, canceled at the hub.
  const workOrders = await hubRows(hub.url, 'workOrder');
  const booking = [...(await hubRows(hub.url, 'booking')).values()].find((b) => b.status === 'scheduled' && b.start > Date.now() && workOrders.get(b.workOrderId)?.primaryContactId);
  expect(booking).toBeDefined();
  const number = workOrders.get(booking!.workOrderId)!.number;
  const client = new HubClient({ baseUrl: hub.url });
  const { token } = await client.signIn(BACK_OFFICE.email, BACK_OFFICE.password);
  const pushed = await fetch(`${hub.url}${hubRoutes.push}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations: [{ id: crypto.randomUUID(), name: 'cancelBooking', args: { bookingId: booking!.id, expectedVersion: booking!.version, reasonCode: 'customer-request', note: 'Closed for a holiday' } }] }),
  });
  expect(((await pushed.json()) as PushResponse).results[0]).toMatchObject({ status: 'applied' });

  await page.goto(host.url);
  await connectFromSettings(page, hub.url, BACK_OFFICE);
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Portal' }).click();
  await page.getByRole('tab', { name: 'E-mails' }).click();
  const panel = page.getByTestId('emails-panel');
  const email = panel.getByTestId('email').filter({ hasText: 'Visit canceled' });
  // The first attempt fails within a moment; the console learns of it at its next sync.
  await expect(async () => {
    await page.keyboard.press('Control+Comma');
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Sync now' }).click();
    await page.keyboard.press('Escape');
    await expect(email.getByTestId('email-error')).toContainText('ECONNREFUSED', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(email).toContainText('Waiting to be sent');
  await expect(email).toContainText(/Queued .*(CST|GMT-6)/);
  await expect(email.getByRole('button', { name: 'Send again' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('emails-panel.png') });

  await email.getByRole('button', { name: number }).click();
  const detail = page.getByTestId('work-order-detail');
  await detail.getByRole('tab', { name: /^E-mails \(1\)$/ }).click();
  await expect(detail.getByTestId('email')).toContainText(`Your visit ${number} is canceled`);
  await page.screenshot({ path: test.info().outputPath('work-order-emails.png') });
});
