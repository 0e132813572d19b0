import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveTechnicianPhoto } from '../../../server/store/portal/technician-photo-queries';
import { checkTechnicianPhoto } from '../../../server/tracking/technician-photo';
import { portalRouteMethods, portalRoutes } from '../../../shared/contract/portal-http';
import { startPortalHub, type PortalHub } from './support/portal-hub';
import { errorCode, PortalClient } from './support/portal-client';
import { invitedCustomer } from './support/invited-customer';
import { at, localDate } from './support/portal-company';
import { SmtpSink } from './support/smtp-sink';

let smtp: SmtpSink;
let hub: PortalHub;
let alice: PortalClient;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
  alice = await invitedCustomer(hub, smtp, 'ct-a', 'alice@alpha.example');
  // Every technician with a photo, so the photo of one's own visit answers (and another's is still 404).
  const png = checkTechnicianPhoto(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  if (!png.ok) throw new Error(png.reason);
  await hub.store.transaction(async (tx) => {
    for (const resource of await tx.list('resource')) await saveTechnicianPhoto(tx.sql, resource.id, png.photo, Date.now());
  });
});
afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

type RouteName = keyof typeof portalRoutes;
const day = () => localDate(Date.now(), 5);

/** A valid request for each route that takes a visit, aimed at `bookingId`. */
const visitRoutes: Partial<Record<RouteName, { body?: unknown; query?: Record<string, string> }>> = {
  appointment: {},
  moveFreeTimes: { query: { date: day() } },
  move: { body: { start: at(day(), '12:00') } },
  cancel: { body: { note: 'not needed' } },
  callbackRequest: { body: { intent: 'reschedule', message: 'call me' } },
  feedback: { body: { rating: 4 } },
  tracking: {},
  technicianPhoto: {},
};

async function call(client: PortalClient, name: RouteName, bookingId: string) {
  const spec = visitRoutes[name]!;
  return portalRouteMethods[name] === 'GET' ? client.get(portalRoutes[name], { bookingId }, spec.query) : client.post(portalRoutes[name], spec.body, { bookingId });
}

describe('portal authorization across two accounts', () => {
  it.each(Object.keys(visitRoutes) as RouteName[])("%s: another account's visit is 404, and so is one that does not exist", async (name) => {
    // bk-b belongs to Beta Deli; Alice is of Alpha Bakery. Its own visits answer (bk-completed takes feedback, the rest are refused for their state, never 404).
    for (const bookingId of ['bk-b', 'no-such-booking']) {
      const answer = await call(alice, name, bookingId);
      expect([name, bookingId, answer.status, errorCode(answer)]).toEqual([name, bookingId, 404, 'not_found']);
    }
    const own = await call(alice, name, 'bk-completed');
    expect(own.status).not.toBe(404);
    expect(await hub.store.read((tx) => tx.get('booking', 'bk-b'))).toMatchObject({ status: 'scheduled', version: 1 });
  });

  it("does not offer another account's asset for free times or booking", async () => {
    const times = await alice.get(portalRoutes.freeTimes, {}, { assetId: 'as-b', incidentTypeId: 'it-quick', date: day() });
    expect([times.status, errorCode(times)]).toEqual([404, 'not_found']);
  });

  it.each(Object.entries(portalRouteMethods).filter(([name]) => !['csrfToken', 'signIn', 'redeemInvitation', 'requestPasswordReset', 'completePasswordReset', 'signOut', 'oidcProvider', 'oidcSignIn', 'oidcCallback'].includes(name)) as [RouteName, string][])(
    '%s needs a session',
    async (name) => {
      const stranger = new PortalClient(hub.url);
      const answer = portalRouteMethods[name] === 'GET' ? await stranger.get(portalRoutes[name], { bookingId: 'bk-far' }) : await stranger.post(portalRoutes[name], {}, { bookingId: 'bk-far' }, portalRouteMethods[name] === 'PUT' ? 'PUT' : 'POST');
      expect([answer.status, errorCode(answer)]).toEqual([401, 'unauthenticated']);
    },
  );
});

describe('portal CSRF protection', () => {
  it.each(Object.entries(portalRouteMethods).filter(([, method]) => method !== 'GET') as [RouteName, 'POST' | 'PUT'][])('%s without the CSRF token is refused with 403 and changes nothing', async (name, method) => {
    const forger = new PortalClient(hub.url);
    // A cross-site form would carry the session cookie but cannot read the token.
    forger.takeCookiesOf(alice);
    forger.withoutCsrf = true;
    const answer = await forger.post(portalRoutes[name], visitRoutes[name]?.body ?? { email: 'alice@alpha.example', password: 'x' }, { bookingId: 'bk-far' }, method);
    expect([name, answer.status, errorCode(answer)]).toEqual([name, 403, 'csrf_invalid']);
  });

  it('refuses a token made for another browser (another CSRF secret)', async () => {
    const other = new PortalClient(hub.url);
    await other.refreshCsrf();
    alice.useCsrfToken(other.csrfToken);
    const answer = await alice.post(portalRoutes.cancel, { note: 'forged' }, { bookingId: 'bk-far' });
    expect([answer.status, errorCode(answer)]).toEqual([403, 'csrf_invalid']);
    expect((await hub.store.read((tx) => tx.get('booking', 'bk-far')))?.status).toBe('scheduled');
    await alice.refreshCsrf();
  });

  it('sends strict security headers', async () => {
    const answer = await alice.get(portalRoutes.home);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});
