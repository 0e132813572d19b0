import { expect, test, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { stopChild } from '../integration/support/hub-process';
import { expectNoSeriousViolations } from './support/axe';
import { startBrowserHost } from './support/browser-host-process';
import { chooseAppearance, type Appearance } from './support/appearance';
import { openWorkingDayAhead } from './support/open-working-day-ahead';
import { chooseWithKeyboard, openPaletteAndType } from './support/palette';

/**
 * axe-core (WCAG 2.1 A/AA) on the screens a dispatcher lives in (board, settings, cancel form,
 * portal requests, palette, work order, map, calendar), with a screenshot of each, in the light theme left to right
 * (the shared console), and in the dark theme in Arabic (right to left) on a console of its own,
 * since the theme and the language are saved for every window of a console.
 */
interface Variant {
  name: string;
  appearance: Appearance | null;
  /** Labels as the user sees them in the variant's language. */
  labels: { settings: string; cancel: string; portal: RegExp; calendar: string; goToDate: string; map: string };
}

const english = { settings: 'Settings', cancel: 'Cancel booking…', portal: /Portal requests/, calendar: 'Calendar', goToDate: 'Go to date', map: 'Map' };
const arabic = { settings: 'الإعدادات', cancel: 'إلغاء الحجز…', portal: /طلبات البوابة/, calendar: 'التقويم', goToDate: 'الانتقال إلى تاريخ', map: 'الخريطة' };
// Each theme and each direction once (pairwise): colours do not depend on the direction nor the
// layout on the theme, and every axe pass costs seconds, so the two other pairings are left out.
const variants: Variant[] = [
  { name: 'light, left to right', appearance: null, labels: english },
  { name: 'dark, Arabic', appearance: { theme: 'Dark', language: 'العربية' }, labels: arabic },
];

for (const variant of variants) {
  test.describe(`accessibility (${variant.name})`, () => {
    let host: ChildProcess | undefined;
    let baseUrl = '/';
    test.beforeAll(async () => {
      if (!variant.appearance) return;
      const started = await startBrowserHost();
      host = started.child;
      baseUrl = started.url;
    });
    test.afterAll(async () => {
      if (host) await stopChild(host);
    });

    /** Opens the console in the variant's theme and language (set in Settings the first time), on a working day if asked. */
    async function open(page: Page, onWorkingDay: boolean): Promise<void> {
      await page.goto(baseUrl);
      await expect(page.getByTestId('schedule-board')).toBeVisible();
      if (variant.appearance) await chooseAppearance(page, variant.appearance);
      if (onWorkingDay) await openWorkingDayAhead(page, baseUrl, variant.labels.goToDate);
    }

    test('the board with a booking open', async ({ page }) => {
      await open(page, true);
      await page.locator('[data-testid=board-booking]').first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('booking-detail')).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: test.info().outputPath('board.png') });
    });

    test('the settings dialog', async ({ page }) => {
      await open(page, false);
      await page.keyboard.press('Control+Comma');
      await expect(page.getByRole('dialog', { name: variant.labels.settings })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the cancel form and the portal requests tab', async ({ page }) => {
      await open(page, true);
      await page.locator('[data-testid=board-booking][data-status=scheduled]').first().focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('booking-detail').getByRole('button', { name: variant.labels.cancel }).click();
      await expect(page.getByTestId('cancel-form')).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.keyboard.press('Escape'); // closes the form
      await page.keyboard.press('Escape'); // closes the booking; the work queue returns
      await page.getByRole('tab', { name: variant.labels.portal }).click();
      await expect(page.getByTestId('portal-request-list')).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the command palette with results', async ({ page }) => {
      await open(page, false);
      const palette = await openPaletteAndType(page, 'furnace');
      await expect(palette.locator('[data-testid=palette-hit]').first()).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: test.info().outputPath('palette.png') });
    });

    test('the work order drawer with its history', async ({ page }) => {
      await open(page, false);
      const palette = await openPaletteAndType(page, 'WO-00012');
      await chooseWithKeyboard(page, palette.getByTestId('palette-command').filter({ hasText: 'WO-00012' }));
      const wo = page.getByTestId('work-order-detail');
      await expect(wo).toBeVisible();
      await expectNoSeriousViolations(page);
      await wo.getByRole('tab').nth(2).click();
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: test.info().outputPath('work-order.png') });
    });

    test('the map and its lists', async ({ page }) => {
      await open(page, true);
      await page.getByRole('button', { name: variant.labels.map, exact: true }).click();
      await expect(page.getByTestId('map-visit').first()).toBeVisible();
      await page.getByTestId('map-visit').first().getByRole('button').first().click();
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: test.info().outputPath('map.png') });
    });

    test('the calendar', async ({ page }) => {
      await open(page, false);
      await page.getByRole('button', { name: variant.labels.calendar, exact: true }).click();
      await expect(page.getByTestId('calendar-page')).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}
