import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A/AA rules) on the screens a dispatcher
 * lives in. Serious and critical findings fail the test with the rule and the elements named.
 */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

test.describe('accessibility', () => {
  test('the board with a booking open', async ({ page }) => {
    await openWorkingDayAhead(page);
    await page.locator('[data-testid=board-booking]').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('booking-detail')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the settings dialog', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('schedule-board')).toBeVisible(); // the shortcut exists once the app is up
    await page.keyboard.press('Control+Comma');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the cancel form and the portal requests tab', async ({ page }) => {
    await openWorkingDayAhead(page);
    await page.locator('[data-testid=board-booking][data-status=scheduled]').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('booking-detail').getByRole('button', { name: 'Cancel booking…' }).click();
    await expect(page.getByTestId('cancel-form')).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Escape'); // closes the form
    await page.keyboard.press('Escape'); // closes the booking; the work queue returns
    await page.getByRole('tab', { name: /Portal requests/ }).click();
    await expectNoSeriousViolations(page);
  });

  test('the calendar', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Calendar' }).click();
    await expect(page.getByTestId('calendar-page')).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
