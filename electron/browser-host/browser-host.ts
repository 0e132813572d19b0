import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  BROWSER_HOST_API_PATH,
  BrowserHostRequestSchema,
  type BrowserHostResponse,
} from '../../shared/contract/browser-host-protocol';
import type { ConsoleEvent } from '../../shared/contract/ipc-contract';
import type { ApiDispatcher } from '../main/ipc/register';
import { CONTENT_SECURITY_POLICY } from '../main/security-policy';



/**
 * Serves the built renderer and implements `window.api` over a WebSocket, so the real UI runs in
 * a plain browser against the real main-process services. It is the Electron preload's twin:
 * the transport is the only difference. Binds to loopback only and accepts sockets only from
 * its own origin, `http://127.0.0.1:<port>` (a web page elsewhere must not drive the replica).
 */
export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

/** Main-process notifications, fanned out to every open page (the browser twin of webContents.send). */
export type EventSource = (listener: (event: ConsoleEvent) => void) => () => void;

export interface BrowserHostOptions {
  staticDir: string;
  dispatch: ApiDispatcher;
  port?: number;
  events?: EventSource;
  /** The page's Content Security Policy, read per request (it follows the map tile setting). */
  contentSecurityPolicy?: () => string;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const csp = options.contentSecurityPolicy ?? (() => CONTENT_SECURITY_POLICY);
  const server = createServer((req, res) => {
    if (req.url === OPEN_LINK_PATH) void openLink(req, res, options.dispatch);
    else serveStatic(options.staticDir, req, res, csp());
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let ownHost = '';
  server.on('upgrade', (req, socket, head) => {
    if (!isFromOwnPage(req, ownHost) || new URL(req.url ?? '/', 'http://x').pathname !== BROWSER_HOST_API_PATH) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      serveApi(ws, options.dispatch);
      const unsubscribe = options.events?.((event) => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ event })));
      ws.on('close', () => unsubscribe?.());
    });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  ownHost = `127.0.0.1:${port}`;
  return {
    url: `http://${ownHost}`,
    close: () => closeAll(server, sockets),
  };
}

function serveApi(ws: WebSocket, dispatch: ApiDispatcher): void {
  ws.on('message', async (data) => {
    const response = await answer(String(data), dispatch);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
  });
}

async function answer(text: string, dispatch: ApiDispatcher): Promise<BrowserHostResponse> {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { id: null, result: { ok: false, error: { code: 'invalid_request', message: 'The frame is not JSON.' } } };
  }
  const parsed = BrowserHostRequestSchema.safeParse(frame);
  if (!parsed.success) {
    return { id: null, result: { ok: false, error: { code: 'invalid_request', message: 'A frame needs a numeric id and a method name.' } } };
  }
  return { id: parsed.data.id, result: await dispatch(parsed.data.method, parsed.data.payload) };
}

/**
 * The page must come from this host's own configured address. Comparing Origin with the Host
 * header is not enough: after DNS rebinding, a page from http://evil.example:<port> reaches
 * 127.0.0.1 and sends Origin and Host that agree with each other.
 */
function isFromOwnPage(req: IncomingMessage, ownHost: string): boolean {
  return ownHost !== '' && req.headers.origin === `http://${ownHost}` && req.headers.host === ownHost;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Where a second launch (`npm run open-link`) hands a link to this running host. */
export const OPEN_LINK_PATH = '/open-link';

/**
 * POST {"url": "dispatch-desk://…"} from a local process, through the same handler Electron's
 * second-instance event uses. A browser page may not: it always sends an Origin header.
 */
async function openLink(req: IncomingMessage, res: ServerResponse, dispatch: ApiDispatcher): Promise<void> {
  const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.method !== 'POST' || req.headers.origin !== undefined) return void reply(403, { ok: false, message: 'Links are handed over by a local process only.' });
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 4096) return void reply(413, { ok: false, message: 'The request is too large.' });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return void reply(400, { ok: false, message: 'The body must be JSON like {"url": "dispatch-desk://work-order/WO-00123"}.' });
  }
  const result = await dispatch('openLink', payload);
  reply(result.ok ? 200 : 400, result.ok ? { ok: true, route: result.data } : { ok: false, message: result.error.message });
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, csp: string): void {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
  if (!file.startsWith(path.resolve(root)) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function closeAll(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
