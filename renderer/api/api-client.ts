import { ApiError } from '../../shared/contract/api-result';
import { ipcMethodNames } from '../../shared/contract/ipc-channels';
import type { DispatchApi } from '../../shared/contract/ipc-contract';
import { connectBrowserHost } from './browser-host-transport';
import type { RawTransport } from './raw-api';

/** The renderer's typed API: Electron's preload when present, otherwise the browser host. */
export function createApiClient(): DispatchApi {
  const preload = window.api;
  const transport: RawTransport = preload
    ? { call: (method, payload) => preload[method](payload), onEvent: (listener) => preload.onEvent(listener) }
    : connectBrowserHost(window.location);
  const entries = ipcMethodNames.map((method) => [
    method,
    async (request: unknown) => {
      const result = await transport.call(method, request);
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
  ]);
  return { ...Object.fromEntries(entries), onEvent: transport.onEvent } as DispatchApi;
}
