/**
 * The renderer's Content Security Policy: only its own scripts and styles, no eval, no remote
 * content. `ws:` to 127.0.0.1 is for the browser host (tests); Electron never opens a socket.
 * FullCalendar injects its styles at runtime, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
