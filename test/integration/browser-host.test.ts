import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';
import { createApiDispatcher } from '../../electron/main/ipc/register';
import { startConsoleServices, type ConsoleServices } from '../../electron/main/services';

let services: ConsoleServices;
let host: BrowserHost;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-host-'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  services = startConsoleServices({ dataFile: path.join(dir, 'replica.sqlite'), appVersion: '0.0.0', runtime: 'browser-host' });
  host = await startBrowserHost({ staticDir, dispatch: createApiDispatcher(services) });
});
afterAll(async () => {
  await host.close();
  services.close();
});

function connect(origin: string, hostHeader?: string): Promise<WebSocket> {
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api`, { origin, ...(hostHeader ? { headers: { host: hostHeader } } : {}) });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function exchange(socket: WebSocket, frame: string): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data))));
    socket.send(frame);
  });
}

describe('browser host', () => {
  it('serves the renderer with a strict Content Security Policy and nothing outside its folder', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('answers API calls from its own origin', async () => {
    const socket = await connect(host.url);
    expect(await exchange(socket, JSON.stringify({ id: 7, method: 'getAppInfo', payload: {} }))).toMatchObject({
      id: 7,
      result: { ok: true, data: { runtime: 'browser-host', dataOrigin: 'demo' } },
    });
    socket.close();
  });

  it('answers malformed frames with an error and keeps the socket open', async () => {
    const socket = await connect(host.url);
    expect(await exchange(socket, 'not json')).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_request' } } });
    expect(await exchange(socket, JSON.stringify({ method: 'getAppInfo' }))).toMatchObject({ id: null, result: { ok: false } });
    expect(await exchange(socket, JSON.stringify({ id: 1, method: 'getBoard', payload: { date: 'x' } }))).toMatchObject({
      id: 1,
      result: { ok: false, error: { code: 'invalid_request' } },
    });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('refuses sockets from another origin', async () => {
    await expect(connect('https://evil.example')).rejects.toThrow(/403/);
  });

  it('refuses a page that reached it through DNS rebinding, although its Origin and Host agree', async () => {
    const rebound = `evil.example:${new URL(host.url).port}`;
    await expect(connect(`http://${rebound}`, rebound)).rejects.toThrow(/403/);
    await expect(connect(host.url, rebound)).rejects.toThrow(/403/);
    await expect(connect(`http://localhost:${new URL(host.url).port}`, `localhost:${new URL(host.url).port}`)).rejects.toThrow(/403/);
  });
});
