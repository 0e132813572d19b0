import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** What the hub is configured with to use this provider. */
export interface OidcTestClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Who a login name becomes at the issuer: any name signs in (it is a test issuer), always as the same account; a name with an @ is its own e-mail. */
export const issuerAccount = (login: string) => ({ sub: `acme-sso|${login}`, email: login.includes('@') ? login : `${login}@sso.example` });

/**
 * A real OpenID Connect provider (panva's oidc-provider, certified) on 127.0.0.1 and a free port,
 * with one confidential client that must use PKCE. Its login page is a minimal form (a user name,
 * "Sign in" or "Cancel", no password), so a browser test fills it and an HTTP test posts it;
 * consent is granted with the login. `host` may be `localhost`, which a browser counts as
 * another site than 127.0.0.1 (the hub's), to exercise the cross-site return for real.
 * (oidc-provider 9 prints that it prefers Node 22 LTS; it runs on this repository's Node 20, and
 * only tests use it.)
 */
export class OidcTestProvider {
  readonly clientId = 'dispatch-desk-portal';
  readonly clientSecret = randomBytes(24).toString('base64url');
  private provider: Provider | null = null;
  /** Accounts that signed in, by sub: their e-mail (claims come from here). */
  private readonly accounts = new Map<string, string>();

  private constructor(
    private readonly server: http.Server,
    readonly issuer: string,
  ) {}

  static async start(host: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<OidcTestProvider> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const test = new OidcTestProvider(server, `http://${host}:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => void test.handle(req, res));
    return test;
  }

  get client(): OidcTestClient {
    return { issuer: this.issuer, clientId: this.clientId, clientSecret: this.clientSecret };
  }

  /** The client is registered with the hub's callback address, known once the hub listens; until then every request answers 503. */
  registerRedirectUri(redirectUri: string): void {
    this.provider = new Provider(this.issuer, this.configuration(redirectUri));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private configuration(redirectUri: string): Configuration {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    return {
      clients: [{ client_id: this.clientId, client_secret: this.clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
      jwks: { keys: [{ ...key, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      // Real issuers put the scope's claims in the id_token; the spec's default keeps them for userinfo.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      // Explicit lifetimes (seconds): the provider's defaults are fine but it asks for them to be chosen.
      ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const email = this.accounts.get(sub);
        return email === undefined ? undefined : { accountId: sub, claims: () => ({ sub, email, email_verified: true }) };
      },
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const provider = this.provider;
    if (!provider) {
      res.writeHead(503).end('no client registered yet');
      return;
    }
    try {
      if (req.url?.startsWith('/interaction/') && req.method === 'GET') await this.loginPage(provider, req, res);
      else if (req.url?.startsWith('/interaction/') && req.method === 'POST') await this.finishLogin(provider, req, res);
      else provider.callback()(req, res);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  }

  private async loginPage(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { uid } = await provider.interactionDetails(req, res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><title>Acme SSO</title></head><body><main>
      <h1>Acme SSO</h1>
      <form method="post" action="/interaction/${uid}">
        <label>User name <input name="login" autocomplete="username"></label>
        <button type="submit" name="action" value="login">Sign in</button>
        <button type="submit" name="action" value="cancel">Cancel</button>
      </form></main></body></html>`);
  }

  /** Signs the named user in and grants the client openid and email, or answers access_denied on Cancel. */
  private async finishLogin(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const details = await provider.interactionDetails(req, res);
    const login = form.get('login')?.trim() ?? '';
    if (form.get('action') === 'cancel' || login === '') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }, { mergeWithLastSubmission: false });
      return;
    }
    const { sub: accountId, email } = issuerAccount(login);
    this.accounts.set(accountId, email);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid email');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
