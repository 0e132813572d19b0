import type { ApiResult } from '../../shared/contract/api-result';
import type { IpcMethodName } from '../../shared/contract/ipc-channels';

/** What a transport provides: one call that answers with an ApiResult, never throws for API errors. */
export type RawApiCall = (method: IpcMethodName, payload: unknown) => Promise<ApiResult<unknown>>;

/** The shape the Electron preload exposes as `window.api`: one method per contract entry. */
export type PreloadApi = { [M in IpcMethodName]: (payload: unknown) => Promise<ApiResult<unknown>> };

declare global {
  interface Window {
    api?: PreloadApi;
  }
}
