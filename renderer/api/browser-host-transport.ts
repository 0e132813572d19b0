import type { ApiResult } from '../../shared/contract/api-result';
import { BROWSER_HOST_API_PATH, type BrowserHostEventFrame, type BrowserHostResponse } from '../../shared/contract/browser-host-protocol';
import type { ConsoleEvent } from '../../shared/contract/ipc-contract';
import type { RawTransport } from './raw-api';

/**
 * `window.api` for a plain browser: the browser host answers over a WebSocket on the page's
 * own origin and pushes events on it. The Electron preload is the other RawTransport.
 */
export function connectBrowserHost(location: Location): RawTransport {
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  const listeners = new Set<(event: ConsoleEvent) => void>();
  let nextId = 1;
  const socket = new WebSocket(`ws://${location.host}${BROWSER_HOST_API_PATH}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Cannot reach the console services.')), { once: true });
  });
  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as BrowserHostResponse | BrowserHostEventFrame;
    if ('event' in frame) {
      for (const listener of listeners) listener(frame.event);
      return;
    }
    if (frame.id === null) return;
    pending.get(frame.id)?.(frame.result);
    pending.delete(frame.id);
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message: 'The connection to the console services closed.' } });
    }
    pending.clear();
  });
  return {
    async call(method, payload) {
      await opened;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, payload }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
