import { expect, test } from '@playwright/test';
import { chooseWithKeyboard, openPaletteAndType } from './support/palette';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * The command palette, with the keyboard alone: Ctrl+K, type (with typos), arrows, Enter.
 * Records come from the main process's search over the replica's trigram index.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

/** "Lakeside Apartments #641" → "Lakseide Apartments" (two letters swapped in the first word, number dropped). */
function misspell(name: string): string {
  const [first = '', ...rest] = name.replace(/#\d+/, '').trim().split(' ');
  const swapped = first.length > 4 ? `${first.slice(0, 2)}${first[3]}${first[2]}${first.slice(4)}` : first;
  return [swapped, ...rest].join(' ');
}

test('finds a work order from a misspelled account and job, and opens it, keyboard only', async ({ page }) => {
  await openWorkingDayAhead(page);
  const booking = page.locator('[data-testid=board-booking][data-status=scheduled]').first();
  const label = (await booking.getAttribute('aria-label'))!;
  const number = label.match(/WO-\d{5}/)![0];
  await booking.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('booking-detail');
  const account = (await detail.locator('dd').nth(4).innerText()).split('\n')[0]!;
  const job = label.slice(number.length + 1).split(',')[0]!.split(' ').sort((a, b) => b.length - a.length)[0]!;
  await page.keyboard.press('Escape');

  const query = `${misspell(account)} ${job.slice(0, 2)}${job[3]}${job[2]}${job.slice(4)}`.toLowerCase();
  const palette = await openPaletteAndType(page, query);
  const hit = palette.locator('[data-testid=palette-hit][data-kind=workOrder]').filter({ hasText: number });
  await expect(hit).toBeVisible();
  // The stretches that matched are marked, in the title (the job) and the subtitle (the account).
  await expect(hit.locator('mark').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('palette-typos.png') });
  await chooseWithKeyboard(page, hit);
  await expect(page.getByTestId('work-order-detail')).toHaveAttribute('data-number', number);
  await expect(page.getByTestId('work-order-fields')).toContainText(account);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('record-drawer')).toBeHidden();
});

test('groups records by kind, and offers commands: a work order by number, a date, a view', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  let palette = await openPaletteAndType(page, 'WO-00012');
  await chooseWithKeyboard(page, palette.getByTestId('palette-command').filter({ hasText: 'Open work order WO-00012' }));
  await expect(page.getByTestId('work-order-detail')).toHaveAttribute('data-number', 'WO-00012');
  await page.keyboard.press('Escape');

  palette = await openPaletteAndType(page, '2027-01-05');
  await chooseWithKeyboard(page, palette.getByTestId('palette-command').filter({ hasText: 'Go to Tuesday, January 5, 2027' }));
  await expect(page.getByTestId('board-date')).toHaveText('Tuesday, January 5, 2027');

  palette = await openPaletteAndType(page, 'go to the map');
  await chooseWithKeyboard(page, palette.getByTestId('palette-command').filter({ hasText: 'Go to the map' }));
  await expect(page.getByTestId('map-page')).toBeVisible();

  palette = await openPaletteAndType(page, 'elm');
  for (const group of ['palette-group-workOrder', 'palette-group-account', 'palette-group-contact']) await expect(palette.getByTestId(group)).toBeVisible();
  const account = palette.locator('[data-testid=palette-hit][data-kind=account]').first();
  const name = (await account.locator('.palette-hit-title').innerText()).trim();
  await chooseWithKeyboard(page, account);
  await expect(page.getByTestId('account-overview')).toContainText(name);
});

test('says a query is too short to search records, and that nothing matches gibberish', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  const palette = await openPaletteAndType(page, 'qx');
  await expect(palette).toContainText('Type at least 3 characters to search records.');
  await page.keyboard.type('zqzqzq');
  await expect(palette).toContainText('Nothing found');
});
