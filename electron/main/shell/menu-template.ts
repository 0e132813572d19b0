import type { AppCommand } from '../../../shared/contract/context-menu';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/**
 * The application menu as data: Electron's standard roles (they bring the platform's own
 * shortcuts and wording for Undo, Copy, Minimize…) plus the console's commands, which are sent
 * to the window. Kept free of Electron so it can be tested anywhere; the shell turns `command`
 * into a click handler.
 */
export interface MenuEntry {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  /** false: the shortcut is shown but the page handles it itself (it works in a browser too). */
  registerAccelerator?: false;
  command?: AppCommand;
  submenu?: MenuEntry[];
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  translate: (key: MessageKey) => string;
  /** Reload and developer tools only in development builds. */
  development: boolean;
}

export function buildMenuTemplate({ platform, appName, translate: t, development }: MenuOptions): MenuEntry[] {
  const mac = platform === 'darwin';
  const separator: MenuEntry = { type: 'separator' };
  const command = (label: MessageKey, which: AppCommand, accelerator?: string): MenuEntry => ({ label: t(label), command: which, ...(accelerator ? { accelerator } : {}) });
  // Shortcuts the page already answers (so they work in the browser host too): shown, not registered twice.
  const pageShortcut = (label: MessageKey, which: AppCommand, accelerator: string): MenuEntry => ({ ...command(label, which, accelerator), registerAccelerator: false });
  const appMenu: MenuEntry[] = mac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            separator,
            pageShortcut('menu.settings', 'open-settings', 'CmdOrCtrl+,'),
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuEntry = {
    label: t('menu.file'),
    submenu: [
      pageShortcut('menu.search', 'open-palette', 'CmdOrCtrl+K'),
      command('menu.syncNow', 'sync-now', 'F5'),
      pageShortcut('menu.syncIssues', 'open-sync-issues', 'CmdOrCtrl+Shift+Y'),
      ...(mac ? [] : [separator, pageShortcut('menu.settings', 'open-settings', 'CmdOrCtrl+,'), separator, { role: 'quit' }]),
    ],
  };
  const edit: MenuEntry = {
    label: t('menu.edit'),
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuEntry = {
    label: t('menu.view'),
    submenu: [
      command('menu.board', 'view-board', 'CmdOrCtrl+1'),
      command('menu.calendar', 'view-calendar', 'CmdOrCtrl+2'),
      command('menu.map', 'view-map', 'CmdOrCtrl+3'),
      command('menu.contacts', 'view-contacts', 'CmdOrCtrl+4'),
      pageShortcut('menu.today', 'go-today', 'Alt+T'),
      separator,
      ...(development ? [{ role: 'reload' }, { role: 'toggleDevTools' }, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuEntry = {
    label: t('menu.window'),
    role: 'windowMenu',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuEntry = { label: t('menu.help'), role: 'help', submenu: [command('menu.portalRequests', 'open-portal-requests'), ...(mac ? [] : [{ role: 'about' }])] };
  return [...appMenu, file, edit, view, window, help];
}

/** Every accelerator in a template, for the test that no two commands share one. */
export function acceleratorsOf(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((entry) => [...(entry.accelerator ? [entry.accelerator] : []), ...acceleratorsOf(entry.submenu ?? [])]);
}
