import { app, BrowserWindow, Menu, nativeTheme, Notification, screen, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand, ContextMenuAnswer, ContextMenuItem } from '../../../shared/contract/context-menu';
import { findDeepLink } from '../../../shared/contract/deep-link';
import { IPC_EVENT_CHANNEL } from '../../../shared/contract/ipc-channels';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { listPortalRequests } from '../db/queries/work-queue-queries';
import type { ConsoleServices } from '../services';
import { buildMenuTemplate, type MenuEntry } from './menu-template';
import { PortalRequestWatch } from './portal-request-watch';
import { shellIntl, themeSourceFor } from './shell-intl';
import { placeWindow, WindowStateStore, type WindowState } from './window-state';

/**
 * The desktop parts of the console, each a thin layer over plain logic tested without Electron
 * (menu template, window placement, link parsing, the portal request watch, the token cipher).
 */
export function sendCommand(window: BrowserWindow | undefined, command: AppCommand): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { type: 'command', command });
}

/** The application menu in the console's language, rebuilt when the language changes. */
export function installApplicationMenu(services: ConsoleServices, mainWindow: () => BrowserWindow | undefined): void {
  const build = () => {
    const intl = shellIntl(services.preferences.get(), app.getLocale());
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: app.getName(),
      translate: (key: MessageKey) => intl.formatMessage({ id: key }),
      development: !app.isPackaged,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((entry) => toElectron(entry, mainWindow))));
  };
  build();
  services.preferences.onChange(build);
}

function toElectron(entry: MenuEntry, mainWindow: () => BrowserWindow | undefined): MenuItemConstructorOptions {
  const { command, submenu, ...rest } = entry;
  return {
    ...(rest as MenuItemConstructorOptions),
    ...(submenu ? { submenu: submenu.map((child) => toElectron(child, mainWindow)) } : {}),
    ...(command ? { click: () => sendCommand(mainWindow(), command) } : {}),
  };
}

/** Native dialogs, menus and the title bar follow the console's theme (System follows the OS). */
export function followTheme(services: ConsoleServices): void {
  nativeTheme.themeSource = themeSourceFor(services.preferences.get().colorScheme);
  services.preferences.onChange((preferences) => (nativeTheme.themeSource = themeSourceFor(preferences.colorScheme)));
}

/** Where the window opens (last time's place, kept on a connected display) and how it is remembered. */
export function windowPlacement(dataFile: string): { initial: WindowState; remember: (window: BrowserWindow) => void } {
  const store = WindowStateStore.beside(dataFile);
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const initial = placeWindow(store.read(), displays, screen.getPrimaryDisplay().workArea);
  const remember = (window: BrowserWindow) => {
    let timer: NodeJS.Timeout | undefined;
    const save = () => {
      if (window.isDestroyed() || window.isMinimized()) return;
      const maximized = window.isMaximized() || window.isFullScreen();
      // Maximized: keep the normal size underneath, to come back to.
      store.write({ bounds: maximized ? window.getNormalBounds() : window.getBounds(), maximized });
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 500);
    };
    window.on('resize', later);
    window.on('move', later);
    window.on('close', () => {
      clearTimeout(timer);
      save();
    });
  };
  return { initial, remember };
}

/** Native context menus for the renderer (booking menus); the answer is the chosen item or none. */
export function nativeContextMenus(services: ConsoleServices, mainWindow: () => BrowserWindow | undefined): void {
  services.shell.showContextMenu = (items: ContextMenuItem[]) =>
    new Promise<ContextMenuAnswer>((resolve) => {
      let chosen: string | null = null;
      const menu = Menu.buildFromTemplate(items.map((item) => ({ label: item.label, enabled: item.enabled ?? true, click: () => (chosen = item.id) })));
      const window = mainWindow();
      menu.popup({ ...(window ? { window } : {}), callback: () => resolve({ shown: true, chosen }) });
    });
}

/** A link from the command line (first launch), a second launch or macOS's open-url goes to the window. */
export function handleDeepLinks(services: ConsoleServices, focus: () => void): void {
  const open = (url: string) => {
    try {
      services.routes.open(url);
      focus();
    } catch (error) {
      console.warn(`Ignored the link ${url.slice(0, 200)}:`, error instanceof Error ? error.message : error);
    }
  };
  const first = findDeepLink(process.argv);
  if (first) open(first);
  app.on('second-instance', (_event, argv) => {
    focus();
    const link = findDeepLink(argv);
    if (link) open(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    open(url);
  });
}

/** An OS notification for each new portal request while the window is in the background; clicking shows them. */
export function notifyPortalRequests(services: ConsoleServices, mainWindow: () => BrowserWindow | undefined): void {
  const watch = new PortalRequestWatch();
  watch.update(listPortalRequests(services.db, 'open'));
  services.onEvent((event) => {
    if (event.type !== 'data-changed' || !event.entities.includes('portalRequest')) return;
    const fresh = watch.update(listPortalRequests(services.db, 'open'));
    const window = mainWindow();
    if (fresh.length === 0 || !Notification.isSupported() || (window && window.isFocused())) return;
    const intl = shellIntl(services.preferences.get(), app.getLocale());
    const first = fresh[0]!;
    const kind = intl.formatMessage({ id: `portalRequest.kind.${first.kind}` });
    const title = fresh.length === 1 ? intl.formatMessage({ id: 'notification.portalRequest.title' }, { kind }) : intl.formatMessage({ id: 'notification.portalRequests.title' }, { count: fresh.length });
    const notification = new Notification({ title, body: [first.accountName, first.message].filter(Boolean).join(' — ').slice(0, 200) });
    notification.on('click', () => {
      if (window) {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      }
      sendCommand(window, 'open-portal-requests');
    });
    notification.show();
  });
}

export { BrowserWindow };
