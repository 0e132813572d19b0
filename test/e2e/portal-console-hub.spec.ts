import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { hubRows } from '../integration/console-sync/support/hub-changes';
import { createAdmin, newHubDataDir, startHub, stopChild, type HubProcess } from '../integration/support/hub-process';
import { startBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';
import { createHubUser } from './support/hub-user';

/**
 * The portal's console side against a real hub, signed in as back office: the portal settings
 * are an administrator's (shown read-only with the reason); an invitation issued while the hub
 * is away says it will be e-mailed when the hub receives it, and reaches the hub once it is back.
 * The browser in Tokyo, the company in Chicago.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

const BACK_OFFICE = { email: 'bo.portal@example.com', name: 'Bea Backoffice', password: 'a long back office password', role: 'back_office' };
let hub: HubProcess;
let dataDir: string;
let host: { child: ChildProcess; url: string };

test.beforeAll(async () => {
  dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true });
  await createHubUser(hub.url, BACK_OFFICE);
  host = await startBrowserHost();
});
test.afterAll(async () => {
  await stopChild(host.child);
  await hub.stop();
});

test('back office: settings read-only with the reason; an invitation made offline is e-mailed once the hub has it', async ({ page }) => {
  await page.goto(host.url);
  await connectFromSettings(page, hub.url, BACK_OFFICE);
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Portal' }).click();

  await page.getByRole('tab', { name: 'Portal settings' }).click();
  const form = page.getByTestId('portal-settings-form');
  await expect(form.getByTestId('portal-settings-permission')).toHaveText('Your role (Back office) may not make this change: Administrator can.');
  await expect(form.getByRole('button', { name: 'Save portal settings' })).toBeDisabled();
  await expect(form.getByLabel('Latest day (days ahead)')).toBeDisabled();
  await expect(form.getByTestId('notification-settings').getByRole('switch', { name: 'Booking confirmed' })).toBeDisabled();
  await expect(form.getByTestId('notification-settings').getByLabel('Days before the visit')).toBeDisabled();

  // Calendars are an administrator's too: the screen says so and asks the hub nothing.
  await page.getByRole('tab', { name: 'Calendars' }).click();
  await expect(page.getByTestId('calendars-blocked')).toHaveText('Your role (Back office) may not manage calendars: Administrator can.');
  await expect(page.getByTestId('technician-calendar')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Contacts' }).click();
  await expect(page.getByTestId('contacts-permission')).toHaveCount(0);
  const row = page.getByTestId('contact-row').first();
  const contactId = (await row.getAttribute('data-contact-id'))!;
  await hub.stop();
  await expect(page.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'offline', { timeout: 20_000 });

  await row.getByRole('button', { name: /^Invite .* to the portal$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Invite / });
  await expect(dialog.getByTestId('invite-delivery')).toContainText('The hub cannot be reached now: the invitation will be e-mailed to');
  await dialog.getByRole('button', { name: 'Issue invitation' }).click();
  await expect(dialog).toBeHidden();
  const cell = row.getByTestId('invitation-cell');
  await expect(cell.getByTestId('invitation-state')).toHaveText('Not yet at the hub');
  await expect(cell).toContainText('Will be e-mailed when the hub receives it.');
  await expect(cell).toContainText(/Issued .*(CST|GMT-6)/);
  await page.screenshot({ path: test.info().outputPath('invitation-offline.png') });

  hub = await startHub({ dataDir, port: hub.port });
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(cell.getByTestId('invitation-state')).toHaveText(/^(Being e-mailed|E-mailed)$/);
  await expect(cell).not.toContainText('Will be e-mailed when the hub receives it.');
  const atHub = [...(await hubRows(hub.url, 'invitation')).values()].filter((i) => i.contactId === contactId);
  expect(atHub).toHaveLength(1);
  expect(atHub[0]!.issuedBy).toBe(BACK_OFFICE.email);
});
