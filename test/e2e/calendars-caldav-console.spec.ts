import { expect, test } from '@playwright/test';
import { hubRows } from '../integration/console-sync/support/hub-changes';
import { createAdmin, newHubDataDir, startHub, type HubProcess } from '../integration/support/hub-process';
import { readIcs } from '../support/read-ics';
import { calendarTexts, startRadicale, type RadicaleServer } from '../support/radicale-server';
import { chooseAppearance } from './support/appearance';
import { expectNoSeriousViolations } from './support/axe';
import { useOwnBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';

/**
 * CalDAV push managed from the console (Portal → Calendars), against a real hub and a real CalDAV
 * server (Debian's radicale): a target with a wrong password fails with the server's answer and
 * the next try shown; the right password (typed again) and "Push now" put the technician's
 * visits on the calendar; turning push off keeps the stored password and the events; a save
 * while the hub is away keeps what was typed. The browser in Tokyo, the company in Chicago.
 *
 * Needs the hub's calendar publishing routes (calendar-http.ts: publishing, caldavTarget,
 * caldavPushNow).
 */
test.use({ timezoneId: 'Asia/Tokyo' });
test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
const host = useOwnBrowserHost();
const ALEX = { name: 'alex', password: 'alex-caldav-password' };
let radicale: RadicaleServer;
let calendarUrl: string;

test.beforeAll(async () => {
  radicale = await startRadicale([ALEX]);
  calendarUrl = await radicale.makeCalendar(ALEX, 'work');
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true });
});
test.afterAll(async () => {
  await hub.stop();
  await radicale.destroy();
});

test('an administrator sets up CalDAV push, sees a failure with the reason, fixes it, pushes, turns it off', async ({ page }) => {
  // A technician with visits in the published window (a week back to two weeks ahead).
  const now = Date.now();
  const bookings = [...(await hubRows(hub.url, 'booking')).values()].filter((b) => b.start > now - 7 * 86_400_000 && b.start < now + 14 * 86_400_000);
  const technician = [...(await hubRows(hub.url, 'resource')).values()].find((r) => bookings.some((b) => b.resourceId === r.id))!;
  await page.goto(host.url());
  await connectFromSettings(page, hub.url);
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Portal' }).click();
  await page.getByRole('tab', { name: 'Calendars' }).click();
  const row = page.locator(`[data-testid=technician-calendar][data-resource-id="${technician.id}"]`);
  await expect(row).toContainText('CalDAV not set up');
  await row.getByRole('button', { name: new RegExp(technician.name) }).click();
  const form = row.getByTestId('caldav-form');

  // Checked in the console first: nothing goes to the hub.
  await form.getByLabel('Calendar address (CalDAV collection)').fill('dav.example.com/alex');
  await form.getByLabel('User name').fill(ALEX.name);
  await form.getByRole('button', { name: 'Save CalDAV settings' }).click();
  await expect(form).toContainText("Enter the calendar's full address, as in the example above.");
  await expect(form).toContainText('Enter the password (a new calendar has none stored).');

  await form.getByLabel('Calendar address (CalDAV collection)').fill(calendarUrl);
  await form.getByLabel('Password', { exact: true }).fill('not the password');
  await form.getByRole('button', { name: 'Save CalDAV settings' }).click();
  await expect(form).toContainText('Saved at the hub.');
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
  const health = row.getByTestId('caldav-health');
  await health.getByRole('button', { name: 'Push now' }).click();
  const failure = health.getByTestId('caldav-failure').first();
  await expect(failure).toContainText(/401|Unauthorized/i, { timeout: 30_000 });
  await expect(failure).toContainText(/next try .*(CST|GMT-6)/);
  await expect(row).toContainText(/CalDAV: \d+ failures?/);
  await page.setViewportSize({ width: 1400, height: 1100 });
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: test.info().outputPath('caldav-failure.png') });

  await form.getByLabel('Password', { exact: true }).fill(ALEX.password);
  await form.getByRole('button', { name: 'Save CalDAV settings' }).click();
  await expect(form).toContainText('Saved at the hub.');
  await health.getByRole('button', { name: 'Push now' }).click();
  await expect(health.getByTestId('caldav-failures')).toHaveCount(0, { timeout: 30_000 });
  await expect(health.getByTestId('caldav-last-push')).toHaveText(/^Last pushed .*(CST|GMT-6)\.$/);
  await expect(health.getByTestId('caldav-pending')).toHaveText('No changes waiting.');
  // Read back from the CalDAV server: the technician's visits, one event each.
  const published = (await calendarTexts(ALEX, calendarUrl)).flatMap((text) => readIcs(text).events);
  const visits = bookings.filter((b) => b.resourceId === technician.id);
  expect(published.length).toBeGreaterThan(0);
  expect(published.length).toBeLessThanOrEqual(visits.length);
  expect(new Set(published.map((event) => event.uid)).size).toBe(published.length);
  expect(published.every((event) => visits.some((b) => b.start === event.start))).toBe(true);

  // Off, the password left empty: the stored one is kept, the events stay.
  await form.getByRole('switch', { name: 'Push to this calendar' }).uncheck();
  await form.getByRole('button', { name: 'Save CalDAV settings' }).click();
  await expect(form).toContainText('Saved at the hub.');
  await expect(row).toContainText('CalDAV off');
  await expect(health.getByRole('button', { name: 'Push now' })).toBeDisabled();
  expect(await calendarTexts(ALEX, calendarUrl)).toHaveLength(published.length);
  await form.getByRole('switch', { name: 'Push to this calendar' }).check();
  await form.getByRole('button', { name: 'Save CalDAV settings' }).click();
  await expect(row).toContainText('CalDAV on');
  await health.getByRole('button', { name: 'Push now' }).click();
  await expect(health.getByTestId('caldav-failures')).toHaveCount(0);
});

test('Arabic: the CalDAV settings right to left, times in Chicago', async ({ page }) => {
  await page.goto(host.url());
  await chooseAppearance(page, { theme: 'Light', language: 'العربية' });
  await page.getByRole('navigation').getByRole('button', { name: 'البوابة' }).click();
  await page.getByRole('tab', { name: 'التقويمات' }).click();
  const row = page.getByTestId('technician-calendar').filter({ hasText: 'CalDAV مفعّل' }).first();
  await row.getByRole('button').first().click();
  await expect(row.getByTestId('caldav-last-push')).toContainText('آخر إرسال');
  await page.setViewportSize({ width: 1400, height: 1100 });
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: test.info().outputPath('caldav-ar.png') });
});

test('a save while the hub is away keeps what was typed and says why', async ({ page }) => {
  await page.goto(host.url());
  await chooseAppearance(page, { theme: 'Light', language: 'English' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Portal' }).click();
  await page.getByRole('tab', { name: 'Calendars' }).click();
  const row = page.getByTestId('technician-calendar').filter({ hasText: 'CalDAV on' }).first();
  await row.getByRole('button').first().click();
  const form = row.getByTestId('caldav-form');
  await hub.stop();
  await form.getByLabel('User name').fill('someone-else');
  await form.getByLabel('Password', { exact: true }).fill('a new password');
  await form.getByRole('button', { name: 'Save CalDAV settings' }).click();
  await expect(form.getByRole('alert')).toHaveText('Not saved (what you typed is still here): The hub cannot be reached now, and calendars are managed there (this screen does not work offline). Try again when the connection is back.');
  await expect(form.getByLabel('User name')).toHaveValue('someone-else');
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('a new password');
});
