import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useOwnBrowserHost } from './support/browser-host-process';
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
  // Dispatched on the marker itself: visits at one site share a spot, and a click at a point hits the topmost.
  await page.locator(`path.map-marker-${bookingId}`).dispatchEvent('click');
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

test.describe('with a tile server', () => {
  const host = useOwnBrowserHost();
  let tiles: Server;
  const served: string[] = [];
  test.beforeAll(async () => {
    // A local stand-in for a tile server: one transparent PNG for every tile.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    tiles = createServer((req, res) => {
      served.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  });
  test.afterAll(() => new Promise<void>((resolve) => tiles.close(() => resolve())));

  test('tiles come from the server set in Settings, and a bad address is refused with the reason', async ({ page }) => {
    await page.goto(host.url());
    await expect(page.getByTestId('schedule-board')).toBeVisible();
    await page.keyboard.press('Control+Comma');
    const field = page.getByTestId('map-tile-url');
    await field.fill('http://127.0.0.1/tiles/{z}/{x}.png');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('map-tile-url-error')).toHaveText('The tile address must contain {z}, {x} and {y}.');

    const { port } = tiles.address() as AddressInfo;
    await field.fill(`http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Saving reloads the console: its content security policy now lets that server's images in.
    await expect(page.getByTestId('schedule-board')).toBeVisible();
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect(page.locator('img.leaflet-tile-loaded').first()).toBeVisible();
    expect(served.some((url) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
    await expect(page.getByTestId('map-page')).not.toContainText('No map tiles');
  });
});
