import { BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appUrlMatcher } from './app-url';
import { MIN_SIZE, type WindowState } from './shell/window-state';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

/** The packaged renderer page, beside the main bundle (out/main → out/renderer). */
function rendererIndexFile(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer', 'index.html');
}

/** Only the console's own page may navigate or call the API: the dev server in development, the bundled index file otherwise. */
export function appUrlCheck(mainDir: string): (url: string) => boolean {
  return appUrlMatcher({ indexFile: rendererIndexFile(mainDir), devServerUrl });
}

export function createMainWindow(mainDir: string, placement: WindowState): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(pathToFileURL(rendererIndexFile(mainDir)).toString());
  return window;
}
