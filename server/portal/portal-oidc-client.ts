import * as oidc from 'openid-client';
import { isLoopbackIssuer, type OidcSettings } from './oidc-settings';

/** Why a round trip through the issuer did not give a verified identity. */
export type OidcFailure = 'unreachable' | 'denied' | 'failed';

export class OidcFlowError extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the hub keeps between sending the browser to the issuer and its return. */
export interface OidcSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
}

/** Issuer metadata is fetched again after this long, so a changed issuer is picked up without a restart. */
const METADATA_TTL_MS = 60 * 60_000;
/** A customer waits for these requests: an issuer that does not answer in time counts as unreachable. */
const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * The hub as an OpenID Connect relying party, all protocol work done by openid-client:
 * discovery, authorization code flow with PKCE (S256), state and nonce, the token exchange with
 * the client secret, and every id_token check (signature from the issuer's JWKS, iss, aud, exp,
 * iat, nonce). Nothing here parses or verifies a JWT by hand.
 */
export class PortalOidcClient {
  private discovered: { config: Promise<oidc.Configuration>; at: number } | null = null;

  constructor(readonly settings: OidcSettings) {}

  static newSecrets(): OidcSecrets {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  /** Where to send the browser; throws OidcFlowError('unreachable') when discovery fails. */
  async authorizationUrl(redirectUri: string, secrets: OidcSecrets): Promise<string> {
    const config = await this.configuration();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      state: secrets.state,
      nonce: secrets.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /** Checks the issuer's answer at `callbackUrl` (the redirect URI with the query the browser brought) and exchanges the code. */
  async verify(callbackUrl: URL, secrets: OidcSecrets): Promise<VerifiedIdentity> {
    const config = await this.configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { expectedState: secrets.state, expectedNonce: secrets.nonce, pkceCodeVerifier: secrets.codeVerifier, idTokenExpected: true });
    } catch (error) {
      throw classify(error);
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcFlowError('failed', 'the issuer sent no id_token');
    const email = typeof claims.email === 'string' && claims.email.length <= 320 ? claims.email : null;
    return { issuer: this.settings.issuer, subject: claims.sub, email };
  }

  private configuration(): Promise<oidc.Configuration> {
    const now = Date.now();
    if (!this.discovered || now - this.discovered.at > METADATA_TTL_MS) {
      const config = this.discover();
      this.discovered = { config, at: now };
      // A failed discovery is not kept: the next customer tries again.
      config.catch(() => {
        if (this.discovered?.config === config) this.discovered = null;
      });
    }
    return this.discovered.config;
  }

  private async discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    try {
      return await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
        timeout: REQUEST_TIMEOUT_SECONDS,
        execute: isLoopbackIssuer(issuer) ? [oidc.allowInsecureRequests] : [],
      });
    } catch (error) {
      throw new OidcFlowError('unreachable', `discovery at ${issuer} failed: ${describe(error)}`, { cause: error });
    }
  }
}

/** The issuer said no (access_denied and the like), could not be reached, or answered something that does not verify. */
function classify(error: unknown): OidcFlowError {
  if (error instanceof oidc.AuthorizationResponseError) {
    return new OidcFlowError('denied', `the issuer answered ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`, { cause: error });
  }
  if (isNetworkFailure(error)) return new OidcFlowError('unreachable', `the issuer could not be reached: ${describe(error)}`, { cause: error });
  return new OidcFlowError('failed', `the issuer's answer did not verify: ${describe(error)}`, { cause: error });
}

/** fetch failures surface as a TypeError ("fetch failed") or a timeout, possibly wrapped. */
function isNetworkFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ((e instanceof TypeError && e.message === 'fetch failed') || e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  }
  return false;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
