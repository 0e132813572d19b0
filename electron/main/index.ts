import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeBindingPath } from './db/native-binding';
import { IPC_EVENT_CHANNEL } from '../../shared/contract/ipc-channels';
import { REPLICA_FILE_NAME } from './db/open-replica';
import { createApiDispatcher, registerIpcHandlers } from './ipc/register';
import { DEEP_LINK_SCHEME } from '../../shared/contract/deep-link';
import { contentSecurityPolicy } from './security-policy';
import { startConsoleServices, type ConsoleServices } from './services';
import { followTheme, handleDeepLinks, installApplicationMenu, nativeContextMenus, notifyPortalRequests, windowPlacement } from './shell/desktop-shell';
import { createTokenCipher } from './sync/token-cipher';
import { appUrlCheck, createMainWindow } from './windows';

/** The Electron shell: lifecycle and wiring only. Everything it starts is plain Node in ./services. */
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
const isAppUrl = appUrlCheck(here);
let services: ConsoleServices | undefined;
let mainWindow: BrowserWindow | undefined;

if (process.env.DISPATCH_DESK_USER_DATA) app.setPath('userData', process.env.DISPATCH_DESK_USER_DATA);
// One console per user: a second launch hands its link (if any) to this one and quits.
if (!app.requestSingleInstanceLock()) app.quit();
// dispatch-desk:// links open the console; in development the registration names this script.
if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // Read per response: images may come from the map tile server chosen in Settings.
    const csp = contentSecurityPolicy(services?.preferences.get().mapTileUrl ?? null);
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const nativeBinding = electronNativeBindingPath(projectRoot, app.isPackaged ? process.resourcesPath : undefined);
  services = startConsoleServices({
    dataFile: path.join(app.getPath('userData'), REPLICA_FILE_NAME),
    appVersion: app.getVersion(),
    runtime: 'electron',
    planWorkerFile: path.join(here, 'plan-worker.js'),
    snapshotWorkerFile: path.join(here, 'snapshot-worker.js'),
    ...(nativeBinding ? { nativeBinding } : {}),
    tokenCipher: createTokenCipher(safeStorage),
  });
  registerIpcHandlers(ipcMain, createApiDispatcher(services), isAppUrl);
  services.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });
  const current = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);
  const openWindow = () => {
    const placement = windowPlacement(services!.dataFile);
    mainWindow = createMainWindow(here, placement.initial);
    placement.remember(mainWindow);
  };
  followTheme(services);
  installApplicationMenu(services, current);
  nativeContextMenus(services, current);
  notifyPortalRequests(services, current);
  openWindow();
  handleDeepLinks(services, focusMainWindow);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => services?.close());
