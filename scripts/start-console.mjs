// `npm start`: makes sure the Electron binary and an Electron build of better-sqlite3 exist
// (both downloaded once, on first start — never at install time), then builds and opens the console.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { prepareElectronNative } from './prepare-electron-native.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.dirname(require.resolve('electron/package.json'));

function electronInstalled() {
  const pathFile = path.join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

if (!electronInstalled()) {
  console.log('Downloading Electron (first start only)…');
  try {
    execFileSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  } catch {
    console.error('\nCould not download Electron: the first start needs the internet. Without it, `npm run browser-host` serves the console to a browser.');
    process.exit(1);
  }
}
prepareElectronNative();

const child = spawn(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
