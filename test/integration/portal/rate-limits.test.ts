import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, type PortalErrorBody } from '../../../shared/contract/portal-http';
import { startPortalHub, type PortalHub } from './support/portal-hub';
import { errorCode, PortalClient } from './support/portal-client';
import { CUSTOMER_PASSWORD, invitedCustomer } from './support/invited-customer';
import { SmtpSink } from './support/smtp-sink';

let smtp: SmtpSink;
let hub: PortalHub;
const limits = { perAccount: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 5, windowMs: 60_000 } };

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp, limits });
  await invitedCustomer(hub, smtp, 'ct-a', 'alice@alpha.example');
});
afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

describe('portal attempt limits (per account and per address, counted in the database)', () => {
  it('turns away a fourth wrong password for one account, even when the fifth attempt is right, and tells when to retry', async () => {
    const client = new PortalClient(hub.url);
    const answers = await Promise.all([1, 2, 3, 4].map(() => client.post(portalRoutes.signIn, { email: 'alice@alpha.example', password: 'wrong guess' })));
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 429]);
    const right = await client.post<PortalErrorBody>(portalRoutes.signIn, { email: 'alice@alpha.example', password: CUSTOMER_PASSWORD });
    expect([right.status, right.body.error.code]).toEqual([429, 'rate_limited']);
    expect(right.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    await hub.store.transaction((tx) => tx.sql.run("DELETE FROM sign_in_attempts WHERE key LIKE 'portal-%'"));
  });

  it('limits one address across many e-mails (password spraying), redeem codes and reset requests alike', async () => {
    const client = new PortalClient(hub.url);
    for (let i = 0; i < 5; i++) expect((await client.post(portalRoutes.redeemInvitation, { email: `guess${i}@example.com`, code: 'AAAAA-BBBBB', name: 'X', password: CUSTOMER_PASSWORD })).status).toBe(400);
    const sixth = await client.post(portalRoutes.redeemInvitation, { email: 'guess6@example.com', code: 'AAAAA-BBBBB', name: 'X', password: CUSTOMER_PASSWORD });
    expect([sixth.status, errorCode(sixth)]).toEqual([429, 'rate_limited']);
    for (let i = 0; i < 3; i++) expect((await client.post(portalRoutes.completePasswordReset, { email: 'alice@alpha.example', code: 'CCCCC-DDDDD', password: 'new long password' })).status).toBe(400);
    const fourth = await client.post(portalRoutes.completePasswordReset, { email: 'alice@alpha.example', code: 'CCCCC-DDDDD', password: 'new long password' });
    expect([fourth.status, errorCode(fourth)]).toEqual([429, 'rate_limited']);
  });

  it('a successful sign-in gives its attempts back', async () => {
    await hub.store.transaction((tx) => tx.sql.run("DELETE FROM sign_in_attempts WHERE key LIKE 'portal-%'"));
    const client = new PortalClient(hub.url);
    // Without the give-back, the second round's first wrong password would be the account's fourth attempt.
    for (let round = 0; round < 2; round++) {
      expect((await client.post(portalRoutes.signIn, { email: 'alice@alpha.example', password: 'wrong guess' })).status).toBe(401);
      expect((await client.post(portalRoutes.signIn, { email: 'alice@alpha.example', password: 'wrong guess' })).status).toBe(401);
      expect((await client.post(portalRoutes.signIn, { email: 'alice@alpha.example', password: CUSTOMER_PASSWORD })).status).toBe(200);
    }
  });
});
