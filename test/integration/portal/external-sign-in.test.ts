import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, portalSessionCookie, type OidcStartResponse, type PortalMe } from '../../../shared/contract/portal-http';
import { freePort } from '../../e2e-portal/support/portal-hub';
import { issuerAccount, OidcTestProvider } from '../../support/oidc-test-provider';
import { backOffice, startPortalHub, type PortalHub } from './support/portal-hub';
import { errorCode, PortalClient } from './support/portal-client';
import { invitedCustomer } from './support/invited-customer';
import { signInAtIssuer } from './support/issuer-login';
import { SmtpSink } from './support/smtp-sink';

const SSO = 'Acme SSO';
let smtp: SmtpSink;
let provider: OidcTestProvider;
let hub: PortalHub;
let alice: PortalClient;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  provider = await OidcTestProvider.start();
  hub = await startPortalHub({ smtp, oidc: { ...provider.client, displayName: SSO } });
  provider.registerRedirectUri(`${hub.url}${portalRoutes.oidcCallback}`);
  alice = await invitedCustomer(hub, smtp, 'ct-a', 'alice@alpha.example');
});
afterAll(async () => {
  await hub?.destroy();
  await provider?.stop();
  await smtp?.down();
});

const portalPage = (route: string) => `${hub.url}/portal/#/${route}`;
const identities = () => hub.store.read((tx) => tx.sql.all<{ subject: string; contact_id: string }>('SELECT subject, contact_id FROM portal_identities ORDER BY subject'));

/** Starts a link (signed in) or a sign-in (anyone) in `browser`; answers the issuer's address. */
async function start(browser: PortalClient, purpose: 'link' | 'sign-in'): Promise<string> {
  const answer = await browser.post<OidcStartResponse>(purpose === 'link' ? portalRoutes.oidcLink : portalRoutes.oidcSignIn, {});
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.authorizationUrl;
}

/** The whole round trip in `browser`: start, sign in at the issuer as `login`, come back; answers where the hub sent the browser. */
async function roundTrip(browser: PortalClient, purpose: 'link' | 'sign-in', login: string | null): Promise<string | null> {
  const callback = await signInAtIssuer(await start(browser, purpose), login);
  const back = await browser.navigate(callback);
  expect(back.status).toBe(303);
  return back.location;
}

describe('external sign-in (OpenID Connect) against a real provider', () => {
  it('names the provider for the portal, sends the browser there with PKCE, state and nonce, and binds the flow with a Lax cookie', async () => {
    expect((await new PortalClient(hub.url).get(portalRoutes.oidcProvider)).body).toEqual({ provider: { displayName: SSO } });
    const browser = new PortalClient(hub.url);
    const start = await browser.post<OidcStartResponse>(portalRoutes.oidcSignIn, {});
    const url = new URL(start.body.authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: provider.clientId, response_type: 'code', scope: 'openid email', code_challenge_method: 'S256', redirect_uri: `${hub.url}${portalRoutes.oidcCallback}` });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(name)).toMatch(/^[\w-]{32,}$/);
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('dd_portal_oidc='))!;
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/SameSite=Lax/i);
    expect(flowCookie).toContain(`Path=${portalRoutes.oidcCallback}`);
    // Only hashes of the state and the browser's value are stored.
    const [flow] = await hub.store.read((tx) => tx.sql.all<{ state_hash: string; browser_hash: string }>('SELECT state_hash, browser_hash FROM portal_oidc_flows'));
    expect(flow!.state_hash).not.toBe(url.searchParams.get('state'));
    expect(flow!.browser_hash).not.toBe(browser.cookie('dd_portal_oidc'));
  });

  it('links the identity to the signed-in profile, then signs in with it exactly like a password sign-in', async () => {
    expect(await roundTrip(alice, 'link', 'alice.sso')).toBe(portalPage('profile?oidc=linked'));
    const me = (await alice.get<PortalMe>(portalRoutes.me)).body;
    expect(me.linkedIdentity).toEqual({ issuer: provider.issuer, email: 'alice.sso@sso.example' });
    expect(await identities()).toEqual([{ subject: issuerAccount('alice.sso').sub, contact_id: 'ct-a' }]);

    const fresh = new PortalClient(hub.url);
    const callback = await signInAtIssuer(await start(fresh, 'sign-in'), 'alice.sso');
    const back = await fresh.navigate(callback);
    expect([back.status, back.location]).toEqual([303, portalPage('')]);
    expect(fresh.cookie(portalSessionCookie)).toMatch(/^[\w-]{20,}$/);
    expect(fresh.cookie('dd_portal_oidc')).toBeUndefined();
    const session = await fresh.get<PortalMe>(portalRoutes.me);
    expect([session.status, session.body.contact.id]).toEqual([200, 'ct-a']);
    expect((await fresh.get(portalRoutes.home)).status).toBe(200);
  });

  it('refuses an identity linked to nobody, even one whose e-mail is a customer\'s: nothing is ever linked by e-mail', async () => {
    const stranger = new PortalClient(hub.url);
    expect(await roundTrip(stranger, 'sign-in', 'alice@alpha.example')).toBe(portalPage('sign-in?oidc=not_linked'));
    expect(stranger.cookie(portalSessionCookie)).toBeUndefined();
    expect((await stranger.get(portalRoutes.me)).status).toBe(401);
    expect((await identities()).map((i) => i.subject)).not.toContain(issuerAccount('alice@alpha.example').sub);
  });

  it('refuses a callback whose state is wrong, one opened in another browser, and one used already; nothing is linked', async () => {
    const callback = new URL(await signInAtIssuer(await start(alice, 'link'), 'mallory'));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    expect((await alice.navigate(forged.href)).location).toBe(portalPage('sign-in?oidc=flow_invalid'));

    // Mallory's own link flow, its callback handed to Alice: Alice's browser did not start it.
    const mallory = await invitedCustomer(hub, smtp, 'ct-b', 'bob@beta.example');
    const malloryCallback = await signInAtIssuer(await start(mallory, 'link'), 'mallory');
    expect((await alice.navigate(malloryCallback)).location).toBe(portalPage('sign-in?oidc=flow_invalid'));
    // The flow is spent: Mallory cannot finish it afterwards either, nor can the first one be replayed.
    expect((await mallory.navigate(malloryCallback)).location).toBe(portalPage('sign-in?oidc=flow_invalid'));
    expect((await alice.navigate(callback.href)).location).toBe(portalPage('sign-in?oidc=flow_invalid'));
    expect((await identities()).map((i) => i.subject)).not.toContain(issuerAccount('mallory').sub);
    expect((await alice.get<PortalMe>(portalRoutes.me)).body.linkedIdentity?.email).toBe('alice.sso@sso.example');
    // Nor does a sign-in someone else started sign this browser in (as them).
    const victim = new PortalClient(hub.url);
    const theirs = await signInAtIssuer(await start(new PortalClient(hub.url), 'sign-in'), 'alice.sso');
    expect((await victim.navigate(theirs)).location).toBe(portalPage('sign-in?oidc=flow_invalid'));
    expect(victim.cookie(portalSessionCookie)).toBeUndefined();
  });

  it('says the flow expired after ten minutes, and says so when the customer cancels at the issuer', async () => {
    const callback = await signInAtIssuer(await start(alice, 'link'), 'late');
    await hub.store.transaction((tx) => tx.sql.run('UPDATE portal_oidc_flows SET expires_at = 1'));
    expect((await alice.navigate(callback)).location).toBe(portalPage('profile?oidc=flow_expired'));
    expect(await roundTrip(alice, 'link', null)).toBe(portalPage('profile?oidc=denied'));
    expect(await roundTrip(new PortalClient(hub.url), 'sign-in', null)).toBe(portalPage('sign-in?oidc=denied'));
    expect((await identities()).map((i) => i.subject)).toEqual([issuerAccount('alice.sso').sub]);
  });

  it('will not link an identity that is linked to another profile', async () => {
    const bob = new PortalClient(hub.url);
    expect((await bob.post(portalRoutes.signIn, { email: 'bob@beta.example', password: 'a long customer password' })).status).toBe(200);
    expect(await roundTrip(bob, 'link', 'alice.sso')).toBe(portalPage('profile?oidc=identity_taken'));
    expect((await bob.get<PortalMe>(portalRoutes.me)).body.linkedIdentity).toBeNull();
    expect(await identities()).toEqual([{ subject: issuerAccount('alice.sso').sub, contact_id: 'ct-a' }]);
  });

  it('unlinks (POST with the CSRF token): the identity then signs nobody in', async () => {
    const unlinked = await alice.post<PortalMe>(portalRoutes.oidcUnlink, {});
    expect([unlinked.status, unlinked.body.linkedIdentity]).toEqual([200, null]);
    expect(await identities()).toEqual([]);
    expect(await roundTrip(new PortalClient(hub.url), 'sign-in', 'alice.sso')).toBe(portalPage('sign-in?oidc=not_linked'));
  });

  it('refuses a linked sign-in once the portal role is revoked, like a password sign-in', async () => {
    const bob = new PortalClient(hub.url);
    await bob.post(portalRoutes.signIn, { email: 'bob@beta.example', password: 'a long customer password' });
    expect(await roundTrip(bob, 'link', 'bob.sso')).toBe(portalPage('profile?oidc=linked'));
    const push = await backOffice(hub);
    expect(await push('setPortalRole', { contactId: 'ct-b', granted: false })).toMatchObject({ status: 'applied' });
    const fresh = new PortalClient(hub.url);
    expect(await roundTrip(fresh, 'sign-in', 'bob.sso')).toBe(portalPage('sign-in?oidc=portal_role_missing'));
    expect(fresh.cookie(portalSessionCookie)).toBeUndefined();
    const link = await bob.post(portalRoutes.oidcLink, {});
    expect([link.status, errorCode(link)]).toEqual([403, 'portal_role_missing']);
  });
});

describe('external sign-in when the issuer is down', () => {
  it('says the issuer cannot be reached when it fails between the start and the return; no session, nothing linked', async () => {
    const downSmtp = smtp;
    const flaky = await OidcTestProvider.start();
    const other = await startPortalHub({ smtp: downSmtp, oidc: { ...flaky.client, displayName: SSO } });
    try {
      flaky.registerRedirectUri(`${other.url}${portalRoutes.oidcCallback}`);
      const browser = new PortalClient(other.url);
      const callback = await signInAtIssuer((await browser.post<OidcStartResponse>(portalRoutes.oidcSignIn, {})).body.authorizationUrl, 'someone');
      await flaky.stop();
      const back = await browser.navigate(callback);
      expect(back.location).toBe(`${other.url}/portal/#/sign-in?oidc=unreachable`);
      expect(browser.cookie(portalSessionCookie)).toBeUndefined();
    } finally {
      await other.destroy();
    }
  });

  it('answers 503 at the start when discovery fails, starts no flow, and limits attempts per address', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const limits = { perAccount: { limit: 2, windowMs: 60_000 }, perAddress: { limit: 30, windowMs: 60_000 } };
    const other = await startPortalHub({ smtp, limits, oidc: { issuer: closed, clientId: 'c', clientSecret: 's', displayName: SSO } });
    try {
      const browser = new PortalClient(other.url);
      for (let i = 0; i < 2; i++) {
        const answer = await browser.post(portalRoutes.oidcSignIn, {});
        expect([answer.status, errorCode(answer)]).toEqual([503, 'external_sign_in_unavailable']);
      }
      expect(await other.store.read((tx) => tx.sql.all('SELECT 1 FROM portal_oidc_flows'))).toEqual([]);
      const limited = await browser.post(portalRoutes.oidcSignIn, {});
      expect([limited.status, errorCode(limited)]).toEqual([429, 'rate_limited']);
    } finally {
      await other.destroy();
    }
  });
});
