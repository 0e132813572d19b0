import { expect, test } from '@playwright/test';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * The map without tiles (none set: nothing is fetched): the day's visits listed beside markers.
 * Selecting a visit on the map or in the list selects its booking on the board.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

test('selecting a visit on the map selects its booking on the board', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openWorkingDayAhead(page);
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  const visits = page.getByTestId('map-visit');
  await expect(visits.first()).toBeVisible();
  await expect(page.getByTestId('map-page')).toContainText('No map tiles');
  await expect(page.getByTestId('map-technicians')).toContainText(/home base|last visit|in progress/);

  // A marker on the map: the list follows.
  const target = visits.nth(3);
  const bookingId = (await target.getAttribute('data-booking-id'))!;
  await page.locator(`path.map-marker-${bookingId}`).click({ force: true });
  await expect(target.getByRole('button').first()).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: test.info().outputPath('map-selected.png') });

  // The list, with the keyboard: the other visit, then to the board.
  const other = visits.nth(5);
  const otherId = (await other.getAttribute('data-booking-id'))!;
  await other.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(other.getByRole('button').first()).toHaveAttribute('aria-pressed', 'true');
  await other.getByRole('button', { name: 'Show on board' }).click();
  const block = page.locator(`[data-testid=board-booking][data-booking-id="${otherId}"]`);
  await expect(block).toHaveAttribute('aria-current', 'true');
  await expect(block).toBeInViewport();
  await expect(page.getByTestId('booking-detail')).toBeVisible();
  expect(requests.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);
});
