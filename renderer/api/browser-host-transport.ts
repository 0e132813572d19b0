import type { ApiResult } from '../../shared/contract/api-result';
import { BROWSER_HOST_API_PATH, type BrowserHostResponse } from '../../shared/contract/browser-host-protocol';
import type { RawApiCall } from './raw-api';

/**
 * `window.api` for a plain browser: the browser host answers over a WebSocket on the page's
 * own origin. The Electron preload is the other implementation of the same `RawApiCall`.
 */
export function connectBrowserHost(location: Location): RawApiCall {
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  const socket = new WebSocket(`ws://${location.host}${BROWSER_HOST_API_PATH}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Cannot reach the console services.')), { once: true });
  });
  socket.addEventListener('message', (event) => {
    const response = JSON.parse(String(event.data)) as BrowserHostResponse;
    if (response.id !== null) pending.get(response.id)?.(response.result);
    if (response.id !== null) pending.delete(response.id);
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message: 'The connection to the console services closed.' } });
    }
    pending.clear();
  });
  return async (method, payload) => {
    await opened;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, payload }));
    });
  };
}
