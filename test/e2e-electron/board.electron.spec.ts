import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronBinary, electronSkipReason } from './electron-binary';

/**
 * Launches the real Electron app (out/main) on a fresh user-data folder. Needs the Electron
 * binary (downloaded by `npm start` on an online machine) and better-sqlite3 built for
 * Electron under .cache/electron-native; where either is missing the test is skipped and says why.
 */
const binary = electronBinary();

test.describe('Electron console', () => {
  test.skip(!binary, electronSkipReason);

  test('opens the board on demo data', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'dd-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.'],
      env: { ...process.env, DISPATCH_DESK_USER_DATA: userData },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('schedule-board')).toBeVisible({ timeout: 30_000 });
      await expect(window.getByTestId('board-summary')).toContainText('40 technicians');
      await expect(window.getByTestId('board-booking').first()).toBeVisible();
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      await window.screenshot({ path: test.info().outputPath('electron-board.png') });
    } finally {
      await app.close();
    }
  });
});
