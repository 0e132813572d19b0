import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The installed Electron binary, or undefined where it was never downloaded (as on CI machines without internet). */
export function electronBinary(): string | undefined {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export const electronSkipReason =
  'no Electron binary on this machine (`npm start` downloads it where the internet is reachable); the same board is tested in Chromium.';
