import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { stopChild } from '../integration/support/hub-process';
import { chooseAppearance } from './support/appearance';
import { startBrowserHost } from './support/browser-host-process';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * Theme and language are chosen in Settings and saved by the console (beside its replica), so a
 * reload, or the next start, opens as the user left it. A console of its own: these choices
 * would otherwise change what every other test sees. The browser runs in Tokyo time, the data's
 * company in Chicago: every time on screen must be Chicago's, with its zone named.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

let host: ChildProcess;
let hostUrl: string;
test.beforeAll(async () => {
  ({ child: host, url: hostUrl } = await startBrowserHost());
});
test.afterAll(async () => {
  await stopChild(host);
});

test.describe.configure({ mode: 'serial' });

test('the dark theme is chosen in Settings, survives a reload, and System follows the operating system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(hostUrl);
  const html = page.locator('html');
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  const board = page.locator('.board-root');
  await expect(board).toHaveCSS('background-color', 'rgb(255, 255, 255)');

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const theme = dialog.getByRole('radiogroup', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  await theme.getByText('Dark', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.keyboard.press('Escape');
  // The board repaints from its CSS variables: dark background, light text.
  await expect(board).toHaveCSS('background-color', 'rgb(31, 32, 35)');
  await expect(board).toHaveCSS('color', 'rgb(227, 230, 234)');
  await page.screenshot({ path: test.info().outputPath('board-dark.png') });

  await page.reload();
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.waitForTimeout(300); // let the dialog finish fading in
  await page.screenshot({ path: test.info().outputPath('settings-dark.png') });

  // System: whatever the operating system says, now and when it changes.
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('System', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('Arabic turns the console right to left with translated labels, and stays after a reload', async ({ page }) => {
  await openWorkingDayAhead(page, hostUrl);
  await chooseAppearance(page, { theme: 'Light', language: 'العربية' });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('button', { name: 'الإعدادات' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'غير مجدولة' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'أوامر عمل غير مجدولة' })).toBeVisible();
  await expect(page.getByTestId('board-summary')).toContainText('فني');
  await expect(page.getByTestId('board-legend')).toContainText('مجدول');
  // The board mirrors: names on the right, time running from right to left.
  await expect(page.locator('.board-root')).toHaveAttribute('dir', 'rtl');
  const hours = page.locator('[data-testid=board-hour]');
  const earlier = (await hours.nth(0).boundingBox())!;
  const later = (await hours.nth(1).boundingBox())!;
  expect(later.x).toBeLessThan(earlier.x);
  const names = (await page.locator('.board-row-name').first().boundingBox())!;
  const board = (await page.getByTestId('schedule-board').boundingBox())!;
  expect(names.x + names.width).toBeCloseTo(board.x + board.width, -1);
  // Left is later in time on screen, so ArrowLeft moves to the next booking of the technician.
  const row = page.locator('[data-testid=board-row]').filter({ has: page.locator('[data-testid=board-booking]:nth-child(2)') }).first();
  const firstOfRow = row.locator('[data-testid=board-booking]').first();
  await firstOfRow.focus();
  const box = (await firstOfRow.boundingBox())!;
  await page.keyboard.press('ArrowLeft');
  const moved = page.locator('[data-testid=board-booking]:focus');
  await expect(moved).not.toHaveAttribute('data-booking-id', (await firstOfRow.getAttribute('data-booking-id'))!);
  expect((await moved.boundingBox())!.x).toBeLessThan(box.x);
  // The shell mirrors: the side pane is on the left, the brand on the right.
  const side = await page.locator('.board-page-side').boundingBox();
  expect(side!.x).toBeLessThan(100);

  const booking = page.locator('[data-testid=board-booking]').first();
  const boardLabel = (await booking.getAttribute('aria-label'))!;
  await booking.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('booking-detail');
  await expect(detail.getByRole('heading', { name: 'الحجز' })).toBeVisible();
  await expect(detail).toContainText('الفني');
  // The same start time as on the board (Chicago's), not Tokyo's, with Chicago's zone named.
  const start = boardLabel.match(/(\d\d):(\d\d)–/)!;
  const when = await page.getByTestId('booking-when').innerText();
  expect(when).toContain(`${Number(start[1]) % 12 || 12}:${start[2]}`);
  expect(when).toMatch(/غرينتش-[56]/); // "GMT-6" in Arabic
  await page.screenshot({ path: test.info().outputPath('board-arabic.png') });

  await page.reload();
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('button', { name: 'الإعدادات' })).toBeVisible();
  await page.getByRole('button', { name: 'الإعدادات' }).click();
  await expect(page.getByRole('dialog', { name: 'الإعدادات' })).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('عنوان الخادم المركزي')).toBeVisible();
  await page.waitForTimeout(300); // let the dialog finish fading in
  await page.screenshot({ path: test.info().outputPath('settings-arabic.png') });
});

test('Spanish translates the console and its dates; English comes back', async ({ page }) => {
  await page.goto(hostUrl);
  await expect(page.getByTestId('schedule-board')).toBeVisible();
  await chooseAppearance(page, { theme: 'Light', language: 'Español' });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: 'Ajustes' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sin programar' })).toBeVisible();
  await expect(page.getByTestId('board-summary')).toContainText('técnicos');
  // The date above the board is in Spanish: "viernes, 27 de noviembre de 2026".
  await expect(page.getByTestId('board-date')).toHaveText(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de [a-z]+ de \d{4}$/);
  await page.getByRole('button', { name: 'Calendario', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Mostrar' })).toHaveValue('Todo el equipo');
  await page.screenshot({ path: test.info().outputPath('calendar-spanish.png') });

  await page.getByRole('button', { name: 'Ajustes' }).click();
  await page.getByRole('dialog').getByTestId('language-switch').click();
  await page.getByRole('option', { name: 'English', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('Hub address')).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en');
});
