import {
  csrfHeader,
  portalErrorCodes,
  portalPath,
  portalRouteMethods,
  portalRoutes,
  type PortalErrorBody,
  type PortalErrorCode,
} from '../../shared/contract/portal-http';
import { PortalApiError } from './portal-api-error';

export type PortalRouteName = keyof typeof portalRoutes;

interface CallOptions {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string>>;
  body?: unknown;
}

const knownCodes: ReadonlySet<string> = new Set(portalErrorCodes);

/**
 * Calls the hub's portal API (same origin: the hub serves this app). The session rides in its
 * HttpOnly cookie; every state change carries the CSRF token, fetched once and fetched again
 * (with one retry) when the hub says it no longer fits, e.g. after signing in or out.
 */
export class PortalClient {
  private csrfToken: Promise<string> | null = null;

  async call<T>(route: PortalRouteName, options: CallOptions = {}): Promise<T> {
    const method = portalRouteMethods[route];
    if (method === 'GET') return this.send<T>(route, method, options, null);
    try {
      return await this.send<T>(route, method, options, await this.token());
    } catch (error) {
      if (!(error instanceof PortalApiError) || error.code !== 'csrf_invalid') throw error;
      this.csrfToken = null;
      return this.send<T>(route, method, options, await this.token());
    }
  }

  /** After signing in or out the session, and with it the token, changes. */
  forgetCsrfToken(): void {
    this.csrfToken = null;
  }

  private token(): Promise<string> {
    this.csrfToken ??= this.send<{ token: string }>('csrfToken', 'GET', {}, null).then((answer) => answer.token);
    const pending = this.csrfToken;
    pending.catch(() => {
      if (this.csrfToken === pending) this.csrfToken = null;
    });
    return pending;
  }

  private async send<T>(route: PortalRouteName, method: string, options: CallOptions, csrf: string | null): Promise<T> {
    const search = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (csrf) headers[csrfHeader] = csrf;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(portalPath(portalRoutes[route], options.params) + search, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? null : JSON.stringify(options.body),
      });
    } catch {
      throw new PortalApiError('network', 0, null);
    }
    const answer: unknown = await response.json().catch(() => null);
    if (response.ok) return answer as T;
    throw new PortalApiError(errorCodeOf(answer, response.status), response.status, errorBodyOf(answer));
  }
}

function errorBodyOf(answer: unknown): PortalErrorBody['error'] | null {
  if (typeof answer !== 'object' || answer === null || !Object.hasOwn(answer, 'error')) return null;
  const error = (answer as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as PortalErrorBody['error']) : null;
}

/** A code the app knows, else one inferred from the status (a proxy's 502 has no JSON body). */
function errorCodeOf(answer: unknown, status: number): PortalErrorCode {
  const code = errorBodyOf(answer)?.code;
  if (typeof code === 'string' && knownCodes.has(code)) return code as PortalErrorCode;
  if (status === 401) return 'unauthenticated';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return 'server_error';
}
