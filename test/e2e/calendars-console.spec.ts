import { expect, test, type Page } from '@playwright/test';
import { hubRows } from '../integration/console-sync/support/hub-changes';
import { createAdmin, newHubDataDir, startHub, type HubProcess } from '../integration/support/hub-process';
import { chooseAppearance } from './support/appearance';
import { expectNoSeriousViolations } from './support/axe';
import { useOwnBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';

/**
 * An administrator at a real hub: Portal → Calendars makes a technician's feed address (shown
 * once, copied, usable at once; a new one stops the old after a confirmation), and Portal →
 * Settings → Notifications saves switches the hub then holds. The browser in Tokyo, the company
 * in Chicago.
 */
test.use({ timezoneId: 'Asia/Tokyo', permissions: ['clipboard-read', 'clipboard-write'] });
test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
let dataDir: string;
const host = useOwnBrowserHost();

test.beforeAll(async () => {
  dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true });
});
test.afterAll(async () => {
  await hub.stop();
});

async function openPortalTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Portal' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

const feedWorks = async (url: string) => {
  const response = await fetch(url);
  return response.status === 200 && (await response.text()).startsWith('BEGIN:VCALENDAR');
};

test('on demo data the screen says it needs the hub', async ({ page }) => {
  await page.goto(host.url());
  await expect(page.getByTestId('sync-banner')).toContainText('Demo data');
  await openPortalTab(page, 'Calendars');
  await expect(page.getByTestId('calendars-blocked')).toHaveText('Calendars are managed at the hub, and this console shows demo data. Connect to a hub in Settings and sign in as an administrator.');
});

test('an administrator makes a feed address, copies it, and replaces it after confirming', async ({ page }) => {
  await page.goto(host.url());
  await connectFromSettings(page, hub.url);
  await page.keyboard.press('Escape');
  await openPortalTab(page, 'Calendars');
  const panel = page.getByTestId('calendars-panel');
  await expect(panel).toContainText('it needs a connection and does not work offline');
  const technicians = [...(await hubRows(hub.url, 'resource')).values()].sort((a, b) => a.name.localeCompare(b.name));
  const rows = panel.getByTestId('technician-calendar');
  await expect(rows).toHaveCount(technicians.length);
  const first = technicians[0]!;
  const row = rows.filter({ hasText: first.name }).first();
  // By keyboard: the row's header is a button.
  await row.getByRole('button', { name: new RegExp(first.name) }).focus();
  await page.keyboard.press('Enter');
  const feed = row.getByTestId('feed-section');
  await feed.getByRole('button', { name: 'Make a new feed address' }).click();
  // The first address: a hub that reports publishing state knows there was none; one that cannot say asks first.
  const confirm = feed.getByTestId('feed-confirm');
  if (await panel.getByTestId('calendars-feeds-only').isVisible()) {
    await expect(confirm).toContainText('If an address was made before, it stops working at once');
    await confirm.getByRole('button', { name: 'Make the new address' }).click();
  }
  const address = feed.getByTestId('feed-address');
  const field = address.getByLabel('Feed address');
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/ddc_[A-Za-z0-9_-]{32}\.ics$/);
  const firstUrl = await field.inputValue();
  await expect(address).toContainText('This address is shown only once');
  await expect(address).toContainText('Subscribe from web');
  await expect(feed.getByTestId('feed-state')).toHaveText(/^The current address was made .*(CST|GMT-6)\.$/);
  await address.getByRole('button', { name: 'Copy' }).click();
  await expect(address.getByRole('button', { name: 'Copied' })).toBeVisible();
  // Typed by hand: the tests compile without the DOM library.
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(firstUrl);
  expect(await feedWorks(firstUrl)).toBe(true);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: test.info().outputPath('calendars-feed.png') });

  // A second address: confirmed first; "keep" changes nothing.
  await feed.getByRole('button', { name: 'Make a new feed address' }).click();
  await expect(confirm).toContainText(`Make a new address for ${first.name}? The current address stops working at once`);
  await confirm.getByRole('button', { name: 'Keep the current address' }).click();
  await expect(confirm).toHaveCount(0);
  expect(await feedWorks(firstUrl)).toBe(true);
  await feed.getByRole('button', { name: 'Make a new feed address' }).click();
  await confirm.getByRole('button', { name: 'Make the new address' }).click();
  await expect(field).not.toHaveValue(firstUrl);
  const secondUrl = await field.inputValue();
  expect(await feedWorks(secondUrl)).toBe(true);
  expect((await fetch(firstUrl)).status).toBe(404);
});

test('an administrator switches a notification off; the hub holds the setting', async ({ page }) => {
  await page.goto(host.url());
  await openPortalTab(page, 'Portal settings');
  const section = page.getByTestId('notification-settings');
  await section.getByRole('switch', { name: 'Technician on the way' }).uncheck();
  await section.getByRole('radio', { name: 'Hours before' }).check();
  await section.getByLabel('Hours before the visit').fill('4');
  await page.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(async () => {
    await page.keyboard.press('Control+Comma');
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Sync now' }).click();
    await page.keyboard.press('Escape');
    const settings = (await hubRows(hub.url, 'portalSettings')).get('portal');
    expect(settings?.settings.notifications).toEqual({ off: ['technician_on_the_way'], reminder: { hoursBefore: 4 } });
  }).toPass({ timeout: 30_000 });
});

test('with the hub away the screen says it needs the hub, and works again once it is back', async ({ page }) => {
  await page.goto(host.url());
  await hub.stop();
  await openPortalTab(page, 'Calendars');
  const panel = page.getByTestId('calendars-panel');
  await expect(panel.getByRole('alert')).toContainText('The hub cannot be reached now, and calendars are managed there (this screen does not work offline).');
  await expect(panel.getByTestId('technician-calendar')).toHaveCount(0);
  hub = await startHub({ dataDir, port: hub.port });
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByTestId('technician-calendar').first()).toBeVisible();
});

test('Arabic: the calendars screen right to left, the feed address left to right', async ({ page }) => {
  await page.goto(host.url());
  await chooseAppearance(page, { theme: 'Light', language: 'العربية' });
  await page.getByRole('navigation').getByRole('button', { name: 'البوابة' }).click();
  await page.getByRole('tab', { name: 'التقويمات' }).click();
  const panel = page.getByTestId('calendars-panel');
  const row = panel.getByTestId('technician-calendar').nth(1);
  await row.getByRole('button').first().click();
  await row.getByRole('button', { name: 'أنشئ عنوان اشتراك جديدًا' }).click();
  const confirm = row.getByTestId('feed-confirm');
  if (await panel.getByTestId('calendars-feeds-only').isVisible()) await confirm.getByRole('button', { name: 'أنشئ العنوان الجديد' }).click();
  await expect(row.getByTestId('feed-address')).toContainText('يظهر هذا العنوان مرة واحدة فقط');
  await expect(row.getByLabel('عنوان الاشتراك')).toHaveCSS('direction', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: test.info().outputPath('calendars-feed-ar.png') });
});
