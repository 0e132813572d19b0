/** How every API answer travels (IPC or the browser host's WebSocket): never a thrown error. */
export type ApiErrorCode = 'invalid_request' | 'unknown_method' | 'not_found' | 'forbidden' | 'internal';

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Thrown in the renderer when a call comes back with `ok: false`, so callers use try/catch or TanStack Query's error state. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}
