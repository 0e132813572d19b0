import { expect, test } from '@playwright/test';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

test.describe('schedule board in Chromium through the browser host', () => {
  test('opens on today with the seeded technicians grouped by territory and today\'s bookings', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByTestId('schedule-board')).toBeVisible();
    const today = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(new Date());
    await expect(page.getByTestId('board-date')).toHaveText(today);
    await expect(page.getByTestId('board-summary')).toContainText('40 technicians');
    const todayCount = Number((await page.getByTestId('board-summary').innerText()).match(/(\d+) bookings/)?.[1]);
    expect(todayCount).toBeGreaterThan(0);
    await expect(page.getByTestId('board-group').first()).toContainText('Downtown & Lakefront');
    await page.screenshot({ path: testInfo.outputPath('board-today.png') });
    await page.screenshot({ path: 'test-results/board.png' });
  });

  test('renders only the visible rows and hours of a busy day', async ({ page }) => {
    await openWorkingDayAhead(page);
    const dayCount = Number((await page.getByTestId('board-summary').innerText()).match(/(\d+) bookings/)?.[1]);
    expect(dayCount).toBeGreaterThan(60);
    const rows = page.getByTestId('board-row');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await rows.count()).toBeLessThan(40);
    const bookings = page.getByTestId('board-booking');
    await expect(bookings.first()).toBeVisible();
    expect(await bookings.count()).toBeLessThan(dayCount);
  });

  test('opens a booking from the keyboard and closes it with Escape', async ({ page }) => {
    await openWorkingDayAhead(page);
    const first = page.getByTestId('board-booking').first();
    await first.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('booking-detail');
    await expect(detail).toBeVisible();
    await expect(detail).toContainText(/WO-\d{5}/);
    await expect(detail).toContainText('Technician');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Unscheduled work orders' })).toBeVisible();
  });

  test('steps to the next day and back with the date controls', async ({ page }) => {
    await page.goto('/');
    const label = page.getByTestId('board-date');
    const today = await label.innerText();
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect(label).not.toHaveText(today);
    await page.keyboard.press('Alt+t');
    await expect(label).toHaveText(today);
  });

  test('lists unscheduled work orders with the urgent ones first', async ({ page }) => {
    await page.goto('/');
    const list = page.getByTestId('unscheduled-list');
    // The priority badge reads "Urgent" (before the kit it was lower-case text upper-cased by CSS).
    await expect(list.locator('li').first()).toContainText('Urgent');
  });

  test('shows a technician\'s week in the FullCalendar view', async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Calendar' }).click();
    await expect(page.getByTestId('calendar-page')).toBeVisible();
    // The picker is a searchable list: open it and take the first technician after "Whole team".
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option').nth(1).click();
    await expect(page.getByRole('combobox', { name: 'Show' })).not.toHaveValue('Whole team');
    await page.getByRole('tab', { name: 'Week view' }).click();
    await expect(page.locator('.calendar-event').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('calendar.png') });
  });
});
