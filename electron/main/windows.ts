import { BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

/** Only the console's own page may navigate or call the API: the dev server in development, the bundled file otherwise. */
export function isAppUrl(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith('file://') && url.includes('/renderer/');
}

export function createMainWindow(mainDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Dispatch Desk',
    show: false,
    webPreferences: {
      preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(pathToFileURL(path.join(mainDir, '..', 'renderer', 'index.html')).toString());
  return window;
}
