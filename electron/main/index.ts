import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeBindingPath } from './db/native-binding';
import { IPC_EVENT_CHANNEL } from '../../shared/contract/ipc-channels';
import { REPLICA_FILE_NAME } from './db/open-replica';
import { createApiDispatcher, registerIpcHandlers } from './ipc/register';
import { CONTENT_SECURITY_POLICY } from './security-policy';
import { startConsoleServices, type ConsoleServices } from './services';
import { appUrlCheck, createMainWindow } from './windows';

/** The Electron shell: lifecycle and wiring only. Everything it starts is plain Node in ./services. */
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
const isAppUrl = appUrlCheck(here);
let services: ConsoleServices | undefined;

if (process.env.DISPATCH_DESK_USER_DATA) app.setPath('userData', process.env.DISPATCH_DESK_USER_DATA);
if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const nativeBinding = electronNativeBindingPath(projectRoot, app.isPackaged ? process.resourcesPath : undefined);
  services = startConsoleServices({
    dataFile: path.join(app.getPath('userData'), REPLICA_FILE_NAME),
    appVersion: app.getVersion(),
    runtime: 'electron',
    planWorkerFile: path.join(here, 'plan-worker.js'),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  registerIpcHandlers(ipcMain, createApiDispatcher(services), isAppUrl);
  services.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });
  createMainWindow(here);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(here);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => services?.close());
