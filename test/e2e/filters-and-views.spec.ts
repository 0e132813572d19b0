import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/** Board filters (territory, skill, status, needs review), the number of days, and saved views. */
test.use({ timezoneId: 'Asia/Tokyo' });

/** Read in one go in the page: element by element, a redraw in between left a detached element to wait for. */
async function attributeOfEach(elements: Locator, name: string): Promise<(string | null)[]> {
  return elements.evaluateAll((nodes, attribute) => nodes.map((node) => (node as unknown as { getAttribute(n: string): string | null }).getAttribute(attribute)), name);
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByTestId('board-filters').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('filters narrow the board, and a saved view brings them back after a reload', async ({ page }) => {
  await openWorkingDayAhead(page);
  const groups = page.getByTestId('board-group');
  const summary = page.getByTestId('board-summary');
  await expect(summary).toContainText('40 technicians');

  await pick(page, 'Territory', 'South Side');
  // Technicians serving the South Side, under their home territory (most of them South Side's).
  await expect(summary).not.toContainText('40 technicians');
  await expect(groups.filter({ hasText: 'South Side' })).toHaveCount(1);
  const southOnly = await summary.innerText();

  await page.getByTestId('board-filters').getByRole('switch', { name: 'Needs review' }).check({ force: true });
  const bookings = page.locator('[data-testid=board-booking]');
  await expect(bookings.first()).toBeVisible();
  // Polled, as for the status filter below: the old bookings may still be there a moment after the switch.
  await expect.poll(async () => [...new Set(await attributeOfEach(bookings, 'data-needs-review'))]).toEqual(['true']);

  await pick(page, 'Skill', 'Gas safety');
  await expect(summary).not.toHaveText(southOnly);
  await page.getByTestId('board-toolbar').getByText('3 days', { exact: true }).click();
  await expect(page.getByTestId('board-time-axis')).toContainText(/–/);
  await page.screenshot({ path: test.info().outputPath('board-filtered.png') });

  const name = `South gas review ${Date.now()}`;
  await page.getByRole('button', { name: 'Save view…' }).click();
  await page.getByLabel('Name of the view').fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const filtered = await summary.innerText();

  await page.reload();
  await expect(summary).toContainText('40 technicians');
  await openWorkingDayAhead(page);
  await page.getByTestId('saved-views').click();
  await page.getByRole('option', { name }).click();
  await expect(summary).toHaveText(filtered);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(summary).toContainText('40 technicians');
  await page.getByRole('button', { name: 'Delete this view' }).click();
  await page.getByTestId('saved-views').click();
  await expect(page.getByRole('option', { name })).toHaveCount(0);
});

test('a status filter shows only bookings in that state', async ({ page }) => {
  await openWorkingDayAhead(page);
  await pick(page, 'Status', 'Scheduled');
  const bookings = page.locator('[data-testid=board-booking]');
  await expect(bookings.first()).toBeVisible();
  // Polled: the board redraws a moment after the filter changes (the old bookings may still be there).
  await expect.poll(async () => [...new Set(await attributeOfEach(bookings, 'data-status'))]).toEqual(['scheduled']);
});
