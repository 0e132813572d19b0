/**
 * The renderer's Content Security Policy: only its own scripts and styles, no eval, no remote
 * content. `ws:` to 127.0.0.1 is for the browser host (tests); Electron never opens a socket.
 * FullCalendar injects its styles at runtime, hence 'unsafe-inline' for styles only.
 * Images may also come from the map tile server the user configured, and from nowhere else.
 */
export function contentSecurityPolicy(mapTileUrl: string | null = null): string {
  const tiles = mapTileUrl ? tileSource(mapTileUrl) : undefined;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    "connect-src 'self' ws://127.0.0.1:*",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The CSP source for a tile address: its scheme, host and port; a leading {s} subdomain becomes
 * a wildcard. Anything that does not make a clean source gives none (the map shows no tiles)
 * rather than something broader.
 */
export function tileSource(mapTileUrl: string): string | undefined {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(mapTileUrl);
  if (!match) return undefined;
  const host = match[2]!.replace(/^\{s\}\./, '*.');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return undefined;
  return `${match[1]!.toLowerCase()}://${host.toLowerCase()}`;
}
