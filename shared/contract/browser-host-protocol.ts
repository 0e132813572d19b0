import { z } from 'zod';
import type { ApiResult } from './api-result';
import type { ConsoleEvent } from './ipc-contract';

/** Frames on the browser host's WebSocket: the renderer asks, the host answers with the same id. */
export const BrowserHostRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type BrowserHostRequest = z.infer<typeof BrowserHostRequestSchema>;

export interface BrowserHostResponse {
  id: number | null;
  result: ApiResult<unknown>;
}

/** Pushed by the host without a request: the browser twin of Electron's event channel. */
export interface BrowserHostEventFrame {
  event: ConsoleEvent;
}

export const BROWSER_HOST_API_PATH = '/api';
