import { expect, type Page } from '@playwright/test';
import { Temporal } from 'temporal-polyfill';

/**
 * Opens the board on the next Tuesday–Thursday in the demo company's zone. Today's bookings
 * depend on the hour the suite runs (late in the day none are left to act on); a working day
 * ahead always holds scheduled bookings and assignments awaiting review. `dateLabel` is the date
 * field's label in the console's language.
 */
export async function openWorkingDayAhead(page: Page, baseUrl = '/', dateLabel = 'Go to date'): Promise<string> {
  let day = Temporal.Now.plainDateISO('America/Chicago').add({ days: 1 });
  while (day.dayOfWeek < 2 || day.dayOfWeek > 4) day = day.add({ days: 1 });
  await page.goto(baseUrl);
  await page.getByLabel(dateLabel).fill(day.toString());
  // The board keeps showing the previous day while the new one loads; wait for the new day's data
  // so that a booking we focus is not replaced under the keyboard.
  await expect(page.locator(`section[data-date="${day.toString()}"][aria-busy="false"]`)).toBeVisible();
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  await expect(page.locator('[data-testid=board-booking]').first()).toBeVisible();
  return day.toString();
}
