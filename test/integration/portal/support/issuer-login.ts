import { keepCookiesOf } from './portal-client';

/**
 * A browser at the issuer, by HTTP: opens the authorization address, submits the test issuer's
 * login form as `login` (or presses Cancel when null), follows the issuer's own redirects and
 * answers where the issuer sends the browser back (the hub's callback with code and state).
 */
export async function signInAtIssuer(authorizationUrl: string, login: string | null): Promise<string> {
  const issuer = new URL(authorizationUrl).origin;
  const cookies = new Map<string, string>();
  const go = async (url: string, form?: URLSearchParams): Promise<string> => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form, redirect: 'manual' });
    keepCookiesOf(cookies, response);
    const location = response.headers.get('location');
    if (!location) throw new Error(`The issuer answered ${response.status} without a redirect at ${url}: ${(await response.text()).slice(0, 300)}`);
    return new URL(location, url).href;
  };
  const loginPage = await go(authorizationUrl);
  let next = await go(loginPage, new URLSearchParams(login === null ? { action: 'cancel' } : { action: 'login', login }));
  while (next.startsWith(issuer)) next = await go(next);
  return next;
}
