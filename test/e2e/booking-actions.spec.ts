import { expect, test, type Page } from '@playwright/test';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * Booking actions through the real console services (browser host, fresh demo replica): each
 * action runs a named mutation with the booking's version, and the board refreshes from the
 * replica afterwards. Tests share the replica, so each picks a booking nobody touched yet.
 */

async function openBooking(page: Page, selector: string): Promise<string> {
  const booking = page.locator(`[data-testid=board-booking]${selector}`).first();
  await expect(booking).toBeAttached();
  const id = await booking.getAttribute('data-booking-id');
  expect(id).toBeTruthy();
  await booking.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('booking-detail')).toBeVisible();
  await expect(page.getByTestId('booking-actions')).toBeVisible();
  return id!;
}

test.describe('booking actions', () => {
  test('cancels a scheduled booking with a reason; Submit waits for the reason', async ({ page }) => {
    await openWorkingDayAhead(page);
    await expect(page.getByTestId('schedule-board')).toBeVisible();
    const id = await openBooking(page, '[data-status=scheduled]');
    const detail = page.getByTestId('booking-detail');
    await expect(detail.getByRole('button', { name: 'Start travel' })).toBeVisible();

    await detail.getByRole('button', { name: 'Cancel booking…' }).click();
    const form = page.getByTestId('cancel-form');
    await expect(form).toBeVisible();
    const submit = form.getByRole('button', { name: 'Cancel booking' });
    const reason = form.getByLabel('Reason');
    await expect(reason).toBeFocused();
    await expect(submit).toBeDisabled();
    await form.getByLabel('Note').fill('Customer called to cancel');
    await expect(submit).toBeDisabled();

    // Escape closes only the form; the booking stays open.
    await reason.press('Escape');
    await expect(form).toBeHidden();
    await expect(detail).toBeVisible();

    await detail.getByRole('button', { name: 'Cancel booking…' }).click();
    await expect(form.getByRole('option')).not.toHaveCount(1); // more than the placeholder
    await form.getByLabel('Reason').selectOption({ index: 1 });
    await expect(submit).toBeEnabled();
    await page.screenshot({ path: '.cache/ui-cancel-form.png' });
    await submit.click();

    await expect(page.getByTestId('toast').filter({ hasText: /Saved/ }).first()).toBeVisible();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('booking-status')).toHaveAttribute('data-status', 'canceled');
    await expect(detail).toContainText('Canceled because');
    await expect(page.locator(`[data-testid=board-booking][data-booking-id="${id}"]`)).toHaveAttribute('data-status', 'canceled');
    // A canceled booking offers no further actions.
    await expect(page.getByTestId('booking-actions')).toBeHidden();
  });

  test('moves a scheduled booking forward to traveling', async ({ page }) => {
    await openWorkingDayAhead(page);
    const id = await openBooking(page, '[data-status=scheduled]:not([data-needs-review])');
    await page.getByTestId('booking-detail').getByRole('button', { name: 'Start travel' }).click();
    await expect(page.getByTestId('booking-status')).toHaveAttribute('data-status', 'traveling');
    await expect(page.getByRole('button', { name: 'Arrived / start work' })).toBeVisible();
    await expect(page.locator(`[data-testid=board-booking][data-booking-id="${id}"]`)).toHaveAttribute('data-status', 'traveling');
  });

  test('accepts an automatic assignment awaiting review', async ({ page }) => {
    await openWorkingDayAhead(page);
    const id = await openBooking(page, '[data-status=scheduled][data-needs-review]');
    const onBoard = page.locator(`[data-testid=board-booking][data-booking-id="${id}"]`);
    await expect(onBoard).toHaveAttribute('data-needs-review', 'true');
    const detail = page.getByTestId('booking-detail');
    await expect(detail).toContainText('awaiting review');
    await detail.getByRole('button', { name: 'Accept assignment' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: /Saved/ }).first()).toBeVisible();
    await expect(onBoard).not.toHaveAttribute('data-needs-review', /.*/);
    await expect(detail).not.toContainText('awaiting review');
    await expect(detail.getByRole('button', { name: 'Accept assignment' })).toBeHidden();
  });

  test('marks a portal request handled and it leaves the open list', async ({ page }) => {
    await page.goto('/');
    const tab = page.getByRole('tab', { name: /Portal requests/ });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const list = page.getByTestId('portal-request-list');
    const first = list.getByTestId('portal-request').first();
    await expect(first).toBeVisible();
    const before = await list.getByTestId('portal-request').count();
    const requestId = await first.getAttribute('data-request-id');
    await first.getByRole('button', { name: /Mark handled/ }).click();
    await expect(page.locator(`[data-testid=portal-request][data-request-id="${requestId}"]`)).toHaveCount(0);
    if (before > 1) await expect(list.getByTestId('portal-request')).toHaveCount(before - 1);
    // Arrow keys move between the side-pane tabs.
    await page.getByRole('tab', { name: /Portal requests/ }).press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Unscheduled' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Unscheduled work orders' })).toBeVisible();
  });
});
