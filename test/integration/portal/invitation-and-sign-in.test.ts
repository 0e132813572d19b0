import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, portalSessionCookie, type PortalMe } from '../../../shared/contract/portal-http';
import { PORTAL_ROLE } from '../../../shared/domain/entities';
import { backOffice, startPortalHub, type PortalHub } from './support/portal-hub';
import { PortalClient, errorCode } from './support/portal-client';
import { CUSTOMER_PASSWORD, invitedCustomer } from './support/invited-customer';
import { codeIn, SmtpSink } from './support/smtp-sink';
import { waitUntil } from './support/wait-until';

let smtp: SmtpSink;
let hub: PortalHub;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
});
afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

describe('portal invitation, sign-in and password reset', () => {
  it('e-mails the portal link and a code that redeems once into a profile and a session', async () => {
    const push = await backOffice(hub);
    const invitationId = randomUUID();
    expect(await push('issueInvitation', { invitationId, contactId: 'ct-a' })).toMatchObject({ status: 'applied' });
    const mail = await smtp.waitFor((m) => m.to === 'alice@alpha.example');
    expect(mail.subject).toBe('Your invitation to the Acme Heating customer portal');
    expect(mail.text).toContain(`${hub.url}/portal/#/redeem?email=alice%40alpha.example`);
    expect(mail.html).toContain('<a href=');
    expect(mail.text).toMatch(/expires on .*(EST|EDT|GMT-[45])/);
    expect(mail.text).toContain('America/New_York');
    const code = codeIn(mail);
    // Once delivered, consoles see the invitation as sent.
    await waitUntil(async () => (await hub.store.read((tx) => tx.get('invitation', invitationId)))?.state === 'sent', 5_000, 'the invitation marked sent');

    // The code is stored hashed only.
    const stored = await hub.store.read((tx) => tx.sql.all<{ code_hash: string }>('SELECT code_hash FROM portal_codes'));
    expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));

    const customer = new PortalClient(hub.url);
    const redeemed = await customer.post<PortalMe>(portalRoutes.redeemInvitation, { email: 'Alice@Alpha.example', code: code.toLowerCase(), name: 'Alice Alpha', password: CUSTOMER_PASSWORD, language: 'es' });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ contact: { id: 'ct-a', name: 'Alice Alpha' }, account: { id: 'acc-a', timeZone: 'America/New_York' }, language: 'es' });
    const cookie = redeemed.headers.getSetCookie().find((c) => c.startsWith(`${portalSessionCookie}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await customer.get<PortalMe>(portalRoutes.me)).body.contact.email).toBe('alice@alpha.example');

    // The console learns of the profile and the redeemed invitation by sync.
    const invitation = await hub.store.read((tx) => tx.get('invitation', invitationId));
    expect(invitation?.state).toBe('redeemed');
    expect((await hub.store.read((tx) => tx.get('contact', 'ct-a')))?.hasPortalProfile).toBe(true);

    const again = await new PortalClient(hub.url).post(portalRoutes.redeemInvitation, { email: 'alice@alpha.example', code, name: 'Mallory', password: 'another long password' });
    expect(again.status).toBe(400);
    expect(errorCode(again)).toBe('invitation_invalid');

    expect((await customer.post(portalRoutes.signOut, {})).status).toBe(200);
    expect((await customer.get(portalRoutes.me)).status).toBe(401);
    const wrong = await customer.post(portalRoutes.signIn, { email: 'alice@alpha.example', password: 'not the password' });
    expect([wrong.status, errorCode(wrong)]).toEqual([401, 'invalid_credentials']);
    const back = await customer.post<PortalMe>(portalRoutes.signIn, { email: 'ALICE@alpha.example', password: CUSTOMER_PASSWORD });
    expect(back.status).toBe(200);
    expect((await customer.get(portalRoutes.home)).status).toBe(200);
  });

  it('refuses an expired code, and a code replaced by a newer invitation', async () => {
    const push = await backOffice(hub);
    const before = smtp.to('bob@beta.example').length;
    const older = randomUUID();
    const newer = randomUUID();
    await push('issueInvitation', { invitationId: older, contactId: 'ct-b', expiresInDays: 1 });
    await push('issueInvitation', { invitationId: newer, contactId: 'ct-b' });
    await smtp.waitFor(() => smtp.to('bob@beta.example').length >= before + 2);
    // What consoles see: the replaced invitation revoked, not still "sent".
    const states = () => hub.store.read(async (tx) => [(await tx.get('invitation', older))?.state, (await tx.get('invitation', newer))?.state]);
    await expect.poll(states).toEqual(['revoked', 'sent']);
    const [first, second] = smtp.to('bob@beta.example').slice(before);
    const client = new PortalClient(hub.url);
    const replaced = await client.post(portalRoutes.redeemInvitation, { email: 'bob@beta.example', code: codeIn(first!), name: 'Bob', password: CUSTOMER_PASSWORD });
    expect(errorCode(replaced)).toBe('invitation_invalid');
    await hub.store.transaction((tx) => tx.sql.run("UPDATE portal_codes SET expires_at = 1 WHERE kind = 'invitation' AND contact_id = 'ct-b' AND used_at IS NULL"));
    const expired = await client.post(portalRoutes.redeemInvitation, { email: 'bob@beta.example', code: codeIn(second!), name: 'Bob', password: CUSTOMER_PASSWORD });
    expect(errorCode(expired)).toBe('invitation_invalid');
  });

  it('invites automatically on granting the role, but never a second time for the same e-mail, even after the contact is deleted and added again; back office still can', async () => {
    const push = await backOffice(hub);
    const email = 'no.role@alpha.example';
    expect(await push('setPortalRole', { contactId: 'ct-a2', granted: true })).toMatchObject({ status: 'applied' });
    await smtp.waitFor((m) => m.to === email);
    expect(smtp.to(email)).toHaveLength(1);

    // The contact is deleted and added again under a new id, with the role.
    await hub.store.transaction(async (tx) => {
      for (const invitation of await tx.sql.all<{ id: string }>("SELECT id FROM invitations WHERE contact_id = 'ct-a2'")) await tx.remove('invitation', invitation.id);
      await tx.remove('contact', 'ct-a2');
      await tx.put('contact', { id: 'ct-a3', accountId: 'acc-a', name: 'Again', email: 'No.Role@alpha.example', webRoles: [], hasPortalProfile: false });
    });
    expect(await push('setPortalRole', { contactId: 'ct-a3', granted: true })).toMatchObject({ status: 'applied' });
    expect((await hub.store.read((tx) => tx.get('contact', 'ct-a3')))?.webRoles).toEqual([PORTAL_ROLE]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.to(email)).toHaveLength(1);
    expect(smtp.to('No.Role@alpha.example')).toHaveLength(0);

    expect(await push('issueInvitation', { invitationId: randomUUID(), contactId: 'ct-a3' })).toMatchObject({ status: 'applied' });
    await smtp.waitFor((m) => m.to.toLowerCase() === email && smtp.received.filter((r) => r.to.toLowerCase() === email).length === 2);
  });

  it('offers no external sign-in when none is configured', async () => {
    const visitor = new PortalClient(hub.url);
    expect((await visitor.get(portalRoutes.oidcProvider)).body).toEqual({ provider: null });
    const start = await visitor.post(portalRoutes.oidcSignIn, {});
    expect([start.status, errorCode(start)]).toEqual([404, 'not_found']);
    const back = await visitor.navigate(`${portalRoutes.oidcCallback}?state=anything&code=x`);
    expect([back.status, back.location]).toEqual([303, `${hub.url}/portal/#/sign-in?oidc=flow_invalid`]);
  });

  it('refuses sign-in once the portal role is revoked, and ends the live session', async () => {
    const customer = await invitedCustomer(hub, smtp, 'ct-b', 'bob@beta.example');
    expect((await customer.get(portalRoutes.home)).status).toBe(200);
    const push = await backOffice(hub);
    expect(await push('setPortalRole', { contactId: 'ct-b', granted: false })).toMatchObject({ status: 'applied' });
    const home = await customer.get(portalRoutes.home);
    expect([home.status, errorCode(home)]).toEqual([403, 'portal_role_missing']);
    const signIn = await new PortalClient(hub.url).post(portalRoutes.signIn, { email: 'bob@beta.example', password: CUSTOMER_PASSWORD });
    expect([signIn.status, errorCode(signIn)]).toEqual([403, 'portal_role_missing']);
    await push('setPortalRole', { contactId: 'ct-b', granted: true });
  });

  it('resets a password by e-mail: the code works once, the old password and old sessions stop working', async () => {
    const other = new PortalClient(hub.url);
    expect((await other.post(portalRoutes.signIn, { email: 'alice@alpha.example', password: CUSTOMER_PASSWORD })).status).toBe(200);
    const before = smtp.to('alice@alpha.example').length;
    const client = new PortalClient(hub.url);
    const requested = await client.post(portalRoutes.requestPasswordReset, { email: 'alice@alpha.example' });
    expect(requested.status).toBe(202);
    const unknown = await client.post(portalRoutes.requestPasswordReset, { email: 'nobody@nowhere.example' });
    expect([unknown.status, unknown.body]).toEqual([202, requested.body]);
    await smtp.waitFor(() => smtp.to('alice@alpha.example').length > before);
    const mail = smtp.to('alice@alpha.example').at(-1)!;
    // Alice chose Spanish when she redeemed her invitation.
    expect(mail.language).toBe('es');
    expect(mail.subject).toBe('Restablezca su contraseña del portal de Acme Heating');
    const code = codeIn(mail);
    const reset = await client.post<PortalMe>(portalRoutes.completePasswordReset, { email: 'alice@alpha.example', code, password: 'my brand new password' });
    expect(reset.status).toBe(200);
    expect((await client.get(portalRoutes.me)).status).toBe(200);
    expect((await other.get(portalRoutes.me)).status).toBe(401);
    const reused = await new PortalClient(hub.url).post(portalRoutes.completePasswordReset, { email: 'alice@alpha.example', code, password: 'yet another password' });
    expect(errorCode(reused)).toBe('reset_code_invalid');
    expect((await new PortalClient(hub.url).post(portalRoutes.signIn, { email: 'alice@alpha.example', password: CUSTOMER_PASSWORD })).status).toBe(401);
    expect((await new PortalClient(hub.url).post(portalRoutes.signIn, { email: 'alice@alpha.example', password: 'my brand new password' })).status).toBe(200);
  });

  it('answers every bad field with a named, clear error', async () => {
    const answer = await new PortalClient(hub.url).post<{ error: { issues: { path: string }[] } }>(portalRoutes.redeemInvitation, { email: 'not-an-email', code: '!!', name: '', password: 'short' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((i) => i.path).sort()).toEqual(['code', 'email', 'name', 'password']);
  });
});
