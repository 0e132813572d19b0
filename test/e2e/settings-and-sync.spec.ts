import { expect, test } from '@playwright/test';

/** Settings and the sync banner against the console services with a fresh demo replica (no hub). */
test.describe('settings and sync status', () => {
  test('the banner says the data is demo data', async ({ page }) => {
    await page.goto('/');
    const banner = page.getByTestId('sync-banner');
    await expect(banner).toContainText('Demo data');
    await expect(banner.getByRole('status')).toContainText('Demo data');
    await expect(page.getByTestId('offline-bar')).toHaveCount(0);
    await page.locator('.app-header').screenshot({ path: '.cache/ui-banner-demo.png' });
  });

  test('opens Settings with Ctrl+, and shows a bad hub address next to its field', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('schedule-board')).toBeVisible();
    await page.keyboard.press('Control+Comma');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();

    const address = dialog.getByLabel('Hub address');
    await address.fill('hub.example');
    await dialog.getByLabel('E-mail').fill('dispatcher@example.com');
    await dialog.getByLabel('Password').fill('correct horse battery staple');
    await dialog.getByLabel('Password').press('Enter');

    const error = dialog.getByTestId('url-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('Hub address must be an http(s) address');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toHaveAccessibleDescription(/must be an http\(s\) address/);
    await expect(dialog.getByTestId('email-error')).toHaveCount(0);
    await page.screenshot({ path: '.cache/ui-settings-error.png' });

    // A bad e-mail lands under the e-mail field instead.
    await address.fill('http://127.0.0.1:4800');
    await dialog.getByLabel('E-mail').fill('not-an-address');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog.getByTestId('email-error')).toContainText('E-mail is not a valid e-mail address');
    await expect(dialog.getByTestId('url-error')).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('opens the refused-changes panel from the keyboard; demo mode has none', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('schedule-board')).toBeVisible();
    await page.keyboard.press('Control+Shift+Y');
    const panel = page.getByRole('dialog', { name: 'Changes the hub refused' });
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('sync-issues-empty')).toContainText('No refused changes');
    await page.screenshot({ path: '.cache/ui-issues-empty.png' });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    // Also reachable from Settings.
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toBeVisible();
    await expect(settings.getByRole('button', { name: 'Connect' })).toBeVisible();
  });
});
