import type { ApiResult } from '../../shared/contract/api-result';
import type { IpcMethodName } from '../../shared/contract/ipc-channels';
import type { ConsoleEvent } from '../../shared/contract/ipc-contract';

/** What a transport provides: calls that answer with an ApiResult (never throw for API errors) and events. */
export interface RawTransport {
  call(method: IpcMethodName, payload: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
}

/** The shape the Electron preload exposes as `window.api`: one method per contract entry, plus onEvent. */
export type PreloadApi = { [M in IpcMethodName]: (payload: unknown) => Promise<ApiResult<unknown>> } & {
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
};

declare global {
  interface Window {
    api?: PreloadApi;
  }
}
