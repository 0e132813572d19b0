import type { PortalErrorBody, PortalErrorCode } from '../../shared/contract/portal-http';

/** What went wrong with one call: the hub's error code, or `network` when the hub was not reached. */
export type PortalFailureCode = PortalErrorCode | 'network';

export class PortalApiError extends Error {
  constructor(
    readonly code: PortalFailureCode,
    readonly status: number,
    readonly body: PortalErrorBody['error'] | null,
  ) {
    super(body?.message ?? code);
    this.name = 'PortalApiError';
  }
}

export function isPortalApiError(error: unknown, code?: PortalFailureCode): error is PortalApiError {
  return error instanceof PortalApiError && (code === undefined || error.code === code);
}
