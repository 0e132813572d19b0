import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronBinary, electronSkipReason } from './electron-binary';

/**
 * The desktop-only parts: the application menu, one instance handing links over, the window
 * remembered between starts, the theme followed by nativeTheme, and the session token sealed
 * with safeStorage. Their logic is unit-tested (test/unit/console-shell); this runs the real app
 * where an Electron binary exists and reports itself skipped elsewhere.
 */
const binary = electronBinary();

async function launch(userData: string, extraArgs: string[] = []): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary!, args: ['.', ...extraArgs], env: { ...process.env, DISPATCH_DESK_USER_DATA: userData } });
}

test.describe('Electron desktop shell', () => {
  test.skip(!binary, electronSkipReason);

  test('has File, Edit, View, Window and Help menus whose commands reach the window', async () => {
    const app = await launch(mkdtempSync(path.join(tmpdir(), 'dd-electron-')));
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('schedule-board')).toBeVisible({ timeout: 30_000 });
      const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((item) => item.label));
      expect(labels.slice(-5)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.find((i) => i.label === 'View')!.submenu!.items.find((i) => i.label === 'Map')!.click());
      await expect(window.getByTestId('map-page')).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('a second launch with a link focuses the first window and opens the work order', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'dd-electron-'));
    const app = await launch(userData);
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('schedule-board')).toBeVisible({ timeout: 30_000 });
      const second = spawn(binary!, ['.', 'dispatch-desk://work-order/WO-00001'], { env: { ...process.env, DISPATCH_DESK_USER_DATA: userData } });
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(0);
      await expect(window.getByTestId('work-order-detail')).toHaveAttribute('data-number', 'WO-00001');
    } finally {
      await app.close();
    }
  });

  test('remembers the window size and position, and follows the theme with nativeTheme', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'dd-electron-'));
    let app = await launch(userData);
    const bounds = { x: 120, y: 80, width: 1200, height: 760 };
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('schedule-board')).toBeVisible({ timeout: 30_000 });
      await app.evaluate(({ BrowserWindow }, b) => BrowserWindow.getAllWindows()[0]!.setBounds(b), bounds);
      await window.keyboard.press('Control+Comma');
      await window.getByTestId('theme-switch').getByText('Dark', { exact: true }).click();
      await expect.poll(() => app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
    } finally {
      await app.close();
    }
    expect(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({ bounds, maximized: false });
    app = await launch(userData);
    try {
      await app.firstWindow();
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds())).toEqual(bounds);
      expect(await app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
    } finally {
      await app.close();
    }
  });

  test('says how the hub session is kept: encrypted by the operating system where safeStorage can', async () => {
    const app = await launch(mkdtempSync(path.join(tmpdir(), 'dd-electron-')));
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('schedule-board')).toBeVisible({ timeout: 30_000 });
      const available = await app.evaluate(({ safeStorage }) => safeStorage.isEncryptionAvailable());
      const status = await window.evaluate(() => (window as unknown as { api: { getSyncStatus(p: object): Promise<{ ok: boolean; data: { sessionProtection: string } }> } }).api.getSyncStatus({}));
      expect(status.data.sessionProtection).toBe(available ? 'os' : 'plain');
    } finally {
      await app.close();
    }
  });
});
