import type { ApiErrorCode } from '../../../shared/contract/api-result';

/** Thrown by a handler when the request was valid but names something that does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Thrown by a handler to answer with a given API error (the hub's reason passed on, a missing session). */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}
