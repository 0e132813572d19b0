import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is compiled against one ABI. Node (tests, hub, browser host) uses the build in
 * node_modules; Electron uses a separate build that `npm start` / `npm run dist` prepare under
 * `.cache/electron-native/` (or, packaged, under `resources/native/`). Passing it as
 * `nativeBinding` means nobody ever rebuilds node_modules back and forth.
 */
export function electronNativeBindingPath(projectRoot: string, resourcesPath?: string): string | undefined {
  const electronVersion = process.versions.electron;
  if (!electronVersion) return undefined;
  const candidates = [
    resourcesPath && path.join(resourcesPath, 'native', 'better_sqlite3.node'),
    path.join(projectRoot, '.cache', 'electron-native', `electron-${electronVersion}`, 'better_sqlite3.node'),
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No better-sqlite3 build for Electron ${electronVersion}. Run "npm start" (it prepares one) or ` +
        '"node scripts/prepare-electron-native.mjs".',
    );
  }
  return found;
}
