/** External sign-in at one OpenID Connect issuer (hub options; null when not configured). */
export interface OidcSettings {
  /** The issuer identifier, e.g. https://sso.acme.example/realms/customers (discovery starts here). */
  issuer: string;
  clientId: string;
  /** From the environment only, never the command line. */
  clientSecret: string;
  /** What the portal's buttons say: "Sign in with <displayName>". */
  displayName: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Only https issuers, except on this machine (a local test provider): tokens and the client
 * secret must never cross a network in clear text.
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'is not an address';
  }
  if (url.search || url.hash) return 'must not carry a query or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return null;
  return 'must be an https:// address (http:// only on 127.0.0.1 or localhost)';
}

/** Plain http is allowed by the library only when asked; it is asked only for loopback issuers. */
export const isLoopbackIssuer = (issuer: string) => new URL(issuer).protocol === 'http:';
