/** How every API answer travels (IPC or the browser host's WebSocket): never a thrown error. */
export type ApiErrorCode =
  | 'invalid_request'
  | 'unknown_method'
  | 'not_found'
  | 'forbidden'
  | 'internal'
  // connectHub: the address does not answer (or is no hub), the hub refused the sign-in, anything else.
  | 'hub_unreachable'
  | 'sign_in_refused'
  | 'sign_in_failed'
  // redownloadAll (and the screens that need the hub) without a hub session.
  | 'not_connected'
  // The hub answered a call the console passed on (calendar publishing) with a server error or something malformed.
  | 'hub_error';

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
