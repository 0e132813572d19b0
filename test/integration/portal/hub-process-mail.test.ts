import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, type HomeResponse } from '../../../shared/contract/portal-http';
import { PORTAL_ROLE, type Contact } from '../../../shared/domain/entities';
import { ADMIN, api, pullAll, push, rowsOf, signIn } from '../hub/hub-process';
import { createAdmin, newHubDataDir, startHub, type HubProcess } from '../support/hub-process';
import { PortalClient } from './support/portal-client';
import { codeIn, SmtpSink } from './support/smtp-sink';

/** The real hub program (server/main.ts) with its documented SMTP options, stopped with SIGTERM and started again. */
let smtp: SmtpSink;
let dataDir: string;
let hub: HubProcess;

const options = () => ['--smtp-host', '127.0.0.1', '--smtp-port', String(smtp.port), '--mail-from', 'Acme Service <service@acme.example>', '--company', 'Acme Heating'];

beforeAll(async () => {
  smtp = await SmtpSink.start();
  dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true, args: options() });
});
afterAll(async () => {
  await hub?.stop();
  await smtp?.down();
});

describe('the hub program with SMTP configured', () => {
  it('e-mails an invitation with a link to its own /portal, redeems it, and sends nothing again after a restart', async () => {
    const token = await signIn(hub, ADMIN.email, ADMIN.password);
    const contact = rowsOf<Contact>((await pullAll(hub, token)).rows, 'contact').find((c) => c.webRoles.includes(PORTAL_ROLE) && !c.hasPortalProfile)!;
    const pushed = await push(hub, token, [{ id: randomUUID(), name: 'issueInvitation', args: { invitationId: randomUUID(), contactId: contact.id } }]);
    expect(pushed.body.results[0]).toMatchObject({ status: 'applied' });
    const mail = await smtp.waitFor((m) => m.to === contact.email);
    expect(mail.subject).toBe('Your invitation to the Acme Heating customer portal');
    expect(mail.text).toContain(`${hub.url}/portal/#/redeem`);

    const customer = new PortalClient(hub.url);
    const redeemed = await customer.post(portalRoutes.redeemInvitation, { email: contact.email, code: codeIn(mail), name: contact.name, password: 'a long customer password' });
    expect(redeemed.status).toBe(200);
    expect((await customer.get<HomeResponse>(portalRoutes.home)).status).toBe(200);

    await hub.stop();
    hub = await startHub({ dataDir, args: options() });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.received.filter((m) => m.to === contact.email)).toHaveLength(1);
    expect((await api(hub, '/api/v1/health')).status).toBe(200);
  });
});
