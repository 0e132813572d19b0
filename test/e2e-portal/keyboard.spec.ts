import type { Locator, Page } from '@playwright/test';
import { expect, inviteAndRedeem, test } from './support/portal-test';

/** Presses Tab until `target` has focus: it must be reachable from the keyboard, in a sensible number of steps. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)) return;
  }
  throw new Error(`Not reached with ${limit} Tab presses: ${target.toString()}`);
}

test('a customer books a visit with the keyboard alone', async ({ page, portalHub }) => {
  const [, , , , , , , , , , , , fresh] = await portalHub.backOffice.freshCustomers(13);
  await inviteAndRedeem(page, portalHub, fresh!);

  await tabTo(page, page.getByRole('link', { name: 'Book a new appointment' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Book a new appointment' })).toBeFocused();
  await tabTo(page, page.getByLabel('Equipment'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Equipment')).not.toHaveValue('');
  await tabTo(page, page.getByLabel('Service'));
  await page.keyboard.type('Leak', { delay: 30 });
  await expect(page.getByLabel('Service').locator('option:checked')).toHaveText(/^Leak repair \(/);

  // A day a few days ahead, then the second free time of that day: arrow keys move between times.
  await tabTo(page, page.locator('.day-list button').nth(3));
  await page.keyboard.press('Enter');
  const times = page.getByRole('radio');
  await expect(page.locator('.time-chip').first()).toBeVisible();
  await tabTo(page, times.first());
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(times.nth(1)).toBeChecked();
  const chosen = (await page.locator('.time-chip label').nth(1).innerText()).trim();

  await tabTo(page, page.getByRole('button', { name: 'Book', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your visit is booked' })).toBeVisible();
  await expect(page.locator('.book-confirmation')).toContainText(`, ${chosen.replace(/\s?[AP]M C[SD]T$/, '')}`);
});
