import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the check for "is this the console's own page?", used before a navigation and on every
 * IPC call. In development that is the dev server's origin (compared whole: a prefix would let
 * `http://localhost:5173.evil.example` through); otherwise exactly the packaged index file —
 * any other local file (a download, another app's `renderer/` folder) may not drive the replica.
 */
export function appUrlMatcher(options: { indexFile: string; devServerUrl?: string | undefined; platform?: NodeJS.Platform }): (url: string) => boolean {
  const platform = options.platform ?? process.platform;
  const pathOf = platform === 'win32' ? path.win32 : path.posix;
  // Windows paths are case-insensitive; elsewhere two spellings are two files.
  const normalize = (file: string) => (platform === 'win32' ? pathOf.resolve(file).toLowerCase() : pathOf.resolve(file));
  const indexFile = normalize(options.indexFile);
  const devOrigin = options.devServerUrl ? parseUrl(options.devServerUrl)?.origin : undefined;
  return (url) => {
    const parsed = parseUrl(url);
    if (!parsed) return false;
    if (devOrigin) return parsed.origin === devOrigin;
    if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
    const file = filePath(parsed, platform);
    return file !== undefined && normalize(file) === indexFile;
  };
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** undefined for file URLs that name no plain path (encoded slashes, a host on POSIX). */
function filePath(url: URL, platform: NodeJS.Platform): string | undefined {
  try {
    return fileURLToPath(url, { windows: platform === 'win32' });
  } catch {
    return undefined;
  }
}
