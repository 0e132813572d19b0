import { expect, test } from '@playwright/test';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * The work order drawer: fields, booking history, the audit trail (who, when, before and after)
 * and comments. The browser runs in Tokyo, the company in Chicago: times carry Chicago's zone.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

test('a status change and a comment show up in the audit trail with who, when, before and after', async ({ page }) => {
  await openWorkingDayAhead(page);
  const booking = page.locator('[data-testid=board-booking][data-status=scheduled]').nth(2);
  const number = (await booking.getAttribute('aria-label'))!.match(/WO-\d{5}/)![0];
  await booking.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('booking-detail');
  await detail.getByRole('button', { name: 'Start travel' }).click();
  await expect(detail.getByTestId('booking-status')).toHaveAttribute('data-status', 'traveling');

  await detail.getByRole('button', { name: `Open work order ${number}` }).click();
  const wo = page.getByTestId('work-order-detail');
  await expect(wo).toHaveAttribute('data-number', number);
  await expect(wo.getByTestId('work-order-fields')).toContainText('Incident type');

  await wo.getByRole('tab', { name: /Bookings/ }).click();
  await expect(wo.getByTestId('work-order-bookings')).toContainText(/(CST|GMT-6)/);

  await wo.getByRole('tab', { name: /Comments/ }).click();
  await wo.getByLabel('Add a comment').fill('Gate code 4411; dog in the yard');
  await wo.getByRole('button', { name: 'Add comment' }).click();
  await expect(wo.getByTestId('comment')).toContainText('Gate code 4411; dog in the yard');
  await expect(wo.getByTestId('comment')).toContainText('Demo dispatcher');
  await expect(wo.getByRole('tab', { name: 'Comments (1)' })).toBeVisible();

  await wo.getByRole('tab', { name: /History/ }).click();
  const trail = wo.getByTestId('audit-trail');
  const statusEntry = trail.locator('[data-testid=audit-entry][data-action="status:traveling"]');
  await expect(statusEntry).toContainText('Demo dispatcher: set the status to Traveling (booking)');
  await expect(statusEntry.getByRole('row', { name: /status/ })).toContainText('scheduled');
  await expect(statusEntry.getByRole('row', { name: /status/ })).toContainText('traveling');
  await expect(statusEntry).toContainText(/(CST|GMT-6)/);
  await expect(trail.locator('[data-testid=audit-entry][data-action=comment]')).toContainText('Gate code 4411');
  await page.screenshot({ path: test.info().outputPath('work-order-history.png') });
});

test('an empty comment cannot be sent', async ({ page }) => {
  await openWorkingDayAhead(page);
  await page.locator('[data-testid=board-booking]').first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('booking-detail').getByRole('button', { name: /Open work order/ }).click();
  const wo = page.getByTestId('work-order-detail');
  await wo.getByRole('tab', { name: /Comments/ }).click();
  await wo.getByLabel('Add a comment').fill('   ');
  await expect(wo.getByRole('button', { name: 'Add comment' })).toBeDisabled();
});
