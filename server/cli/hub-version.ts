import { readFileSync } from 'node:fs';

/** The product version from package.json (health answers it so consoles can warn on mismatch). */
export function hubVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
