import { expect, type Page } from '@playwright/test';
import { ADMIN } from '../../integration/support/hub-process';

/** Opens Settings (Ctrl+,), connects to the hub (as the test administrator unless told) and waits for the first download to end. */
export async function connectFromSettings(page: Page, hubUrl: string, user: { email: string; name: string; password: string } = ADMIN): Promise<void> {
  await expect(page.getByTestId('sync-banner')).toContainText('Demo data');
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Hub address').fill(hubUrl);
  await dialog.getByLabel('E-mail').fill(user.email);
  await dialog.getByLabel('Password').fill(user.password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toContainText(`Connected to ${hubUrl} as ${user.name}`, { timeout: 30_000 });
  await expect(dialog.getByTestId('initial-sync')).toHaveCount(0, { timeout: 30_000 });
  await expect(dialog).toContainText('Last sync');
}
