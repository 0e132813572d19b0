import { randomUUID } from 'node:crypto';
import { portalRoutes } from '../../../../shared/contract/portal-http';
import { backOffice, type PortalHub } from './portal-hub';
import { PortalClient } from './portal-client';
import { codeIn, type SmtpSink } from './smtp-sink';

export const CUSTOMER_PASSWORD = 'a long customer password';

/** Back office invites the contact from the console; the code from the e-mail the SMTP server received is redeemed. */
export async function invitedCustomer(hub: PortalHub, smtp: SmtpSink, contactId: string, email: string): Promise<PortalClient> {
  const push = await backOffice(hub);
  const before = smtp.to(email).length;
  const result = await push('issueInvitation', { invitationId: randomUUID(), contactId });
  if (result.status !== 'applied') throw new Error(`issueInvitation refused: ${JSON.stringify(result)}`);
  await smtp.waitFor(() => smtp.to(email).length > before);
  const mail = smtp.to(email).at(-1)!;
  const client = new PortalClient(hub.url, email);
  const redeemed = await client.post(portalRoutes.redeemInvitation, { email, code: codeIn(mail), name: `Name of ${email}`, password: CUSTOMER_PASSWORD });
  if (redeemed.status !== 200) throw new Error(`redeem failed: ${JSON.stringify(redeemed.body)}`);
  return client;
}
