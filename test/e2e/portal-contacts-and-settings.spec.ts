import { expect, test, type Page } from '@playwright/test';
import { chooseAppearance } from './support/appearance';
import { expectNoSeriousViolations } from './support/axe';
import { useOwnBrowserHost } from './support/browser-host-process';
import { chooseWithKeyboard, openPaletteAndType } from './support/palette';

/**
 * The console side of the portal on demo data: the contacts list and its search, an invitation,
 * the portal role, and the portal settings form (bad input names the field and saves nothing;
 * good input is kept). A console of its own (the Arabic run changes its language); the browser
 * in Tokyo, the company in Chicago: every date names Chicago's zone.
 */
test.use({ timezoneId: 'Asia/Tokyo' });
test.describe.configure({ mode: 'serial' });
const host = useOwnBrowserHost();

async function openPortalView(page: Page): Promise<void> {
  await page.goto(host.url());
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Portal' }).click();
  await expect(page.getByTestId('contacts-count')).toHaveText(/^1–50 of \d+ contacts$/);
}

/** From the palette, by keyboard. */
async function openPortalSettings(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-banner')).toBeVisible();
  const palette = await openPaletteAndType(page, 'portal settings');
  await chooseWithKeyboard(page, palette.getByTestId('palette-command').filter({ hasText: 'Open portal settings' }));
}

test('contacts: search by e-mail and account, invite with the role, revoke the role', async ({ page }) => {
  await openPortalView(page);
  const rows = page.getByTestId('contact-row');
  const without = rows.filter({ has: page.getByRole('button', { name: /^Grant .* portal access/ }) }).first();
  const email = (await without.locator('.contacts-email').textContent())!;
  const name = (await without.locator('.contact-name').textContent())!;
  const account = (await without.locator('td').nth(1).textContent())!;

  const search = page.getByLabel('Search contacts');
  await search.fill(email.slice(0, email.indexOf('@')).toUpperCase());
  await expect(page.getByTestId('contacts-count')).toHaveText('1–1 of 1 contact');
  await search.fill(account);
  await expect(rows.filter({ hasText: email })).toHaveCount(1);
  await expect(rows.first()).toContainText(account);
  await search.fill('no such contact anywhere');
  await expect(page.getByTestId('contacts-count')).toHaveText('No contact matches.');
  await search.fill(email);
  const row = rows.filter({ hasText: email });
  await expect(row.getByTestId('invitation-cell')).toHaveText('Never invited');

  // Keyboard only: the invite button, the dialog's days field, the role box, Enter.
  await row.getByRole('button', { name: `Invite ${name} to the portal` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Invite ${name} to the portal` });
  await expect(dialog).toContainText(`An e-mail to ${email} carries the portal link and a single-use code.`);
  await expect(dialog.getByTestId('invite-delivery')).toHaveText('Demo data: there is no hub, so no e-mail is sent.');
  const days = dialog.getByLabel('Code valid for (days)');
  await days.fill('0');
  await expect(dialog).toContainText('Enter a whole number of days from 1 to 90.');
  await expect(dialog.getByRole('button', { name: 'Issue invitation' })).toBeDisabled();
  await days.fill('7');
  await expect(dialog.getByRole('checkbox', { name: /Also grant portal access/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(row.getByTestId('portal-access')).toContainText('Has access');
  const invitation = row.getByTestId('invitation-cell');
  await expect(invitation.getByTestId('invitation-state')).toHaveText('Not e-mailed: demo data has no hub');
  await expect(invitation).toContainText(/Issued .*(CST|GMT-6)/);
  await expect(invitation).toContainText(/Expires .*(CST|GMT-6)/);
  await expect(row.getByRole('button', { name: `Invite ${name} to the portal again` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('contacts-invited.png') });

  await row.getByRole('button', { name: `Revoke portal access from ${name}` }).click();
  await expect(row.getByTestId('portal-access')).toContainText('No access');
  await search.fill('');
  await expect(page.getByTestId('contacts-count')).toHaveText(/^1–50 of/);
  await page.getByRole('button', { name: 'Next 50' }).click();
  await expect(page.getByTestId('contacts-count')).toHaveText(/^51–100 of/);
  await expectNoSeriousViolations(page);
});

test('portal settings: bad input names the field and saves nothing; good input is kept', async ({ page }) => {
  await page.goto(host.url());
  await openPortalSettings(page);
  const form = page.getByTestId('portal-settings-form');
  await expect(form).toContainText('Never saved: the portal uses these defaults.');
  await expect(form.getByLabel('Latest day (days ahead)')).toHaveValue('30');

  await form.getByLabel('Earliest day (days ahead)').fill('40');
  await form.getByLabel('Minimum notice (hours)').fill('');
  await form.getByRole('radio', { name: 'An arrival window' }).check();
  await form.getByLabel('Window 1 from').fill('18:00');
  await form.getByLabel('Window 1 until').fill('08:00');
  await form.getByLabel('Window 2 from').fill('8am');
  const firstType = form.getByTestId('bookable-types').locator('input[data-testid^=change-notice-]').first();
  await firstType.fill('1000');
  await form.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(form.getByTestId('portal-settings-invalid')).toHaveText('5 fields need fixing: nothing was saved.');
  await expect(form).toContainText('The earliest day must not be after the latest.');
  await expect(form).toContainText('Required.');
  await expect(form).toContainText('A window ends after it starts (no overnight windows).');
  await expect(form).toContainText('Enter a time as HH:MM (24 h), e.g. 08:30.');
  await expect(form).toContainText('Enter a whole number of hours from 0 to 720, or leave it empty.');
  await page.setViewportSize({ width: 1600, height: 1500 });
  await page.screenshot({ path: test.info().outputPath('portal-settings-invalid.png') });
  await expectNoSeriousViolations(page);

  // Nothing was saved: a reload shows the defaults again.
  await page.reload();
  await openPortalSettings(page);
  await expect(form.getByLabel('Earliest day (days ahead)')).toHaveValue('0');
  await expect(form).toContainText('Never saved');

  await form.getByLabel('Earliest day (days ahead)').fill('1');
  await form.getByLabel('Latest day (days ahead)').fill('21');
  await form.getByLabel('Minimum notice (hours)').fill('12');
  await form.getByRole('radio', { name: 'An arrival window' }).check();
  await form.getByRole('button', { name: 'Remove window 2' }).click();
  await form.getByRole('button', { name: 'Add a window' }).click();
  await form.getByLabel('Window 2 from').fill('13:00');
  await form.getByLabel('Window 2 until').fill('17:30');
  await firstType.fill('24');
  await form.getByRole('switch', { name: /Feedback survey/ }).uncheck();
  await form.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved' }).first()).toBeVisible();

  await page.reload();
  await openPortalSettings(page);
  await expect(form.getByLabel('Latest day (days ahead)')).toHaveValue('21');
  await expect(form).not.toContainText('Never saved');
  await expect(form.getByLabel('Window 2 until')).toHaveValue('17:30');
  await expect(firstType).toHaveValue('24');
  await expect(form.getByRole('switch', { name: /Feedback survey/ })).not.toBeChecked();
});

test('notification settings: a switch per e-mail, a bad reminder names its field and saves nothing, a good one is kept', async ({ page }) => {
  await page.goto(host.url());
  await openPortalSettings(page);
  const form = page.getByTestId('portal-settings-form');
  const section = form.getByTestId('notification-settings');
  await expect(section).toContainText("Not saved yet: the hub's own options apply");
  await expect(section.getByRole('switch', { name: 'Visit moved' })).toBeChecked();
  await expect(section).toContainText("When a visit's time changes by more than 10 minutes.");
  await expect(section.getByLabel('Days before the visit')).toHaveValue('1');
  await expect(section.getByLabel("At (account's time, HH:MM)")).toHaveValue('17:00');

  await section.getByRole('switch', { name: 'Visit moved' }).uncheck();
  await section.getByLabel("At (account's time, HH:MM)").fill('5pm');
  await section.getByLabel('Days before the visit').fill('31');
  await form.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(form.getByTestId('portal-settings-invalid')).toHaveText('2 fields need fixing: nothing was saved.');
  await expect(section).toContainText('Enter a whole number of days from 0 to 30.');
  await expect(section).toContainText('Enter a time as HH:MM (24 h), e.g. 08:30.');
  await section.getByRole('radio', { name: 'Hours before' }).check();
  await section.getByLabel('Hours before the visit').fill('0');
  await form.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(form.getByTestId('portal-settings-invalid')).toHaveText('One field needs fixing: nothing was saved.');
  await expect(section).toContainText('Enter a whole number of hours from 1 to 720.');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('notification-settings-invalid.png') });

  await section.getByLabel('Hours before the visit').fill('6');
  await form.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved' }).first()).toBeVisible();
  await page.reload();
  await openPortalSettings(page);
  await expect(section).not.toContainText('Not saved yet');
  await expect(section.getByRole('switch', { name: 'Visit moved' })).not.toBeChecked();
  await expect(section.getByRole('switch', { name: 'Visit canceled' })).toBeChecked();
  await expect(section.getByRole('radio', { name: 'Hours before' })).toBeChecked();
  await expect(section.getByLabel('Hours before the visit')).toHaveValue('6');
  await expectNoSeriousViolations(page);
});

test('portal settings changed elsewhere while editing: the edits stay, saving is refused with the reason, the newer ones load on request', async ({ page, context }) => {
  await page.goto(host.url());
  await openPortalSettings(page);
  const form = page.getByTestId('portal-settings-form');
  await form.getByLabel('Latest day (days ahead)').fill('25');

  // A second window on the same console saves other settings meanwhile.
  const other = await context.newPage();
  await other.goto(host.url());
  await openPortalSettings(other);
  const otherForm = other.getByTestId('portal-settings-form');
  await otherForm.getByLabel('Minimum notice (hours)').fill('6');
  await otherForm.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(other.getByTestId('toast').filter({ hasText: 'Saved' }).first()).toBeVisible();
  await other.close();

  await expect(form.getByTestId('portal-settings-stale')).toContainText('changed elsewhere while you edited them');
  await expect(form.getByLabel('Latest day (days ahead)')).toHaveValue('25');
  await form.getByRole('button', { name: 'Save portal settings' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'The portal settings were changed by someone else' })).toBeVisible();
  await form.getByRole('button', { name: 'Load the newer settings (drops my edits)' }).click();
  await expect(form.getByLabel('Minimum notice (hours)')).toHaveValue('6');
  await expect(form.getByLabel('Latest day (days ahead)')).toHaveValue('21');
  await expect(form.getByTestId('portal-settings-stale')).toHaveCount(0);
});

test("portal requests: the customer's words whole, and the work order a click away", async ({ page }) => {
  await page.goto(host.url());
  await page.getByRole('tab', { name: /Portal requests/ }).click();
  const request = page.getByTestId('portal-request').filter({ has: page.getByTestId('portal-request-work-order') }).first();
  const message = request.getByTestId('portal-request-message');
  await expect(message).toContainText('The customer wrote:');
  // The whole message, not a clipped preview: the element shows all of its text.
  expect(await message.evaluate((el) => { const box = el as unknown as { scrollHeight: number; clientHeight: number }; return box.scrollHeight <= box.clientHeight + 1; })).toBe(true);
  await page.screenshot({ path: test.info().outputPath('portal-requests.png') });
  const link = request.getByTestId('portal-request-work-order');
  const number = (await link.textContent())!;
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('work-order-detail')).toHaveAttribute('data-number', number);
});

test('Arabic: the contacts list right to left, an invitation made there, dates in Chicago time', async ({ page }) => {
  await page.goto(host.url());
  await expect(page.getByTestId('sync-banner')).toBeVisible();
  await chooseAppearance(page, { theme: 'Light', language: 'العربية' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('navigation').getByRole('button', { name: 'البوابة' }).click();
  await expect(page.getByTestId('contacts-count')).toContainText('جهة اتصال');
  const row = page.getByTestId('contact-row').nth(1);
  await row.getByRole('button', { name: /^دعوة .* إلى البوابة$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('invite-delivery')).toHaveText('بيانات تجريبية: لا يوجد مركز، لذا لن تُرسل أي رسالة.');
  await dialog.getByRole('button', { name: 'إصدار الدعوة' }).click();
  await expect(dialog).toBeHidden();
  const cell = row.getByTestId('invitation-cell');
  await expect(cell).toContainText('صدرت في');
  // Chicago's offset, however Arabic writes it (Latin or Arabic-Indic digits), never Tokyo's.
  await expect(cell).toContainText(/(غرينتش|GMT)[-−‏؜]*(6|٦)/);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: test.info().outputPath('contacts-arabic.png') });
});
