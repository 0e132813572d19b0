import { csrfHeader, portalPath, portalRoutes, type PortalErrorBody } from '../../../../shared/contract/portal-http';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like portal client: keeps its cookies (session, CSRF secret), fetches a CSRF token
 * and sends it with every state change, as the portal app does.
 */
export class PortalClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | undefined;
  /** Send no CSRF token (to see the refusal). */
  withoutCsrf = false;

  constructor(
    readonly baseUrl: string,
    /** Pretend to come from this address (the hub trusts no proxy header, so this is only a label in tests using inject). */
    readonly name = 'customer',
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Carries `other`'s cookies, as a forged cross-site request would (but not its CSRF token, which a page elsewhere cannot read). */
  takeCookiesOf(other: PortalClient): void {
    for (const [name, value] of other.cookies) this.cookies.set(name, value);
  }

  get csrfToken(): string | undefined {
    return this.csrf;
  }

  useCsrfToken(token: string | undefined): void {
    this.csrf = token;
  }

  async get<T = unknown>(route: string, params: Record<string, string> = {}, query: Record<string, string> = {}): Promise<Answer<T>> {
    const q = new URLSearchParams(query).toString();
    return this.send<T>('GET', `${portalPath(route, params)}${q ? `?${q}` : ''}`);
  }

  async post<T = unknown>(route: string, body: unknown, params: Record<string, string> = {}, method: 'POST' | 'PUT' = 'POST'): Promise<Answer<T>> {
    if (!this.withoutCsrf && !this.csrf) await this.refreshCsrf();
    return this.send<T>(method, portalPath(route, params), body);
  }

  /** A GET whose answer is not JSON (an image), with this client's cookies. */
  async raw(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: { ...headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  }

  /** A top-level navigation to `url` (absolute, or a path on the hub) with this client's cookies; redirects are not followed, cookies are kept. */
  async navigate(url: string): Promise<{ status: number; location: string | null }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(new URL(url, this.baseUrl), { headers, redirect: 'manual' });
    this.keepCookies(response);
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location') };
  }

  async refreshCsrf(): Promise<void> {
    const answer = await this.send<{ token: string }>('GET', portalRoutes.csrfToken);
    this.csrf = answer.body.token;
  }

  private keepCookies(response: Response): void {
    keepCookiesOf(this.cookies, response);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf && !this.withoutCsrf) headers[csrfHeader] = this.csrf;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.keepCookies(response);
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: (text && json ? JSON.parse(text) : null) as T, headers: response.headers };
  }
}

/** Keeps what Set-Cookie says in `cookies` (by name only: one host per client), dropping cleared cookies. */
export function keepCookiesOf(cookies: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
    else cookies.set(name, value);
  }
}

export const errorCode = (answer: Answer) => (answer.body as PortalErrorBody | null)?.error?.code;
