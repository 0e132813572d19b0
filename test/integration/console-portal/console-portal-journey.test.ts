import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactList, PortalRequestSummary, RunMutationResponse, SyncStatus } from '../../../shared/contract';
import type { ReviewItem } from '../../../shared/contract/dispatch-contract';
import { portalRoutes, type BookResponse, type FreeTimesResponse } from '../../../shared/contract/portal-http';
import { startTestConsole, waitFor, type TestConsole } from '../console-sync/support/console';
import { PortalClient } from '../portal/support/portal-client';
import { localDate } from '../portal/support/portal-company';
import { BACK_OFFICE, startPortalHub, type PortalHub } from '../portal/support/portal-hub';
import { codeIn, SmtpSink } from '../portal/support/smtp-sink';

/**
 * The whole loop through the console's API: back office invites a contact from the console,
 * the hub e-mails the code (a real SMTP server on 127.0.0.1), the console sees the invitation
 * sent and then redeemed; the customer books on the portal with comments, and after sync the
 * booking waits in the console's review queue and the comments in its portal requests.
 */
let smtp: SmtpSink;
let hub: PortalHub;
let console: TestConsole;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
  console = startTestConsole({ seedDemo: false, manualSync: true });
  await console.call<SyncStatus>('connectHub', { url: hub.url, email: BACK_OFFICE.email, password: BACK_OFFICE.password });
});
afterAll(async () => {
  console?.close();
  await hub?.destroy();
  await smtp?.down();
});

const EMAIL = 'alice@alpha.example';
const contactNow = async () => (await console.call<ContactList>('listContacts', { query: EMAIL })).contacts[0]!;

/** Syncs until `check` holds (the hub's e-mail worker and the console are not in step). */
async function syncUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await console.call<SyncStatus>('syncNow');
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('console → hub → e-mail → portal → console', () => {
  let client: PortalClient;

  it('an invitation issued in the console is e-mailed by the hub, shown as sent, then redeemed', async () => {
    const contact = await contactNow();
    expect(contact).toMatchObject({ portalRole: true, hasPortalProfile: false, invitation: null });
    const invitationId = randomUUID();
    const issued = await console.call<RunMutationResponse>('runMutation', { name: 'issueInvitation', args: { invitationId, contactId: contact.id, expiresInDays: 3 } });
    expect(issued).toMatchObject({ queued: true, outcome: { status: 'applied' } });
    expect((await contactNow()).invitation).toMatchObject({ id: invitationId, state: 'pending', awaitingHub: true });

    const mail = await (async () => {
      await console.call<SyncStatus>('syncNow');
      return smtp.waitFor((m) => m.to === EMAIL);
    })();
    await syncUntil(async () => (await contactNow()).invitation?.state === 'sent', 'the invitation to show as sent');
    expect((await contactNow()).invitation).toMatchObject({ id: invitationId, awaitingHub: false });

    client = new PortalClient(hub.url, EMAIL);
    const redeemed = await client.post(portalRoutes.redeemInvitation, { email: EMAIL, code: codeIn(mail), name: 'Alice Alpha', password: 'a long customer password' });
    expect(redeemed.status).toBe(200);
    await syncUntil(async () => (await contactNow()).invitation?.state === 'redeemed', 'the invitation to show as redeemed');
    expect(await contactNow()).toMatchObject({ name: 'Alice Alpha', hasPortalProfile: true });
  });

  it('a booking on the portal reaches the review queue, its comments whole in the portal requests', async () => {
    const day = localDate(Date.now(), 4);
    const times = await client.get<FreeTimesResponse>(portalRoutes.freeTimes, {}, { assetId: 'as-a', incidentTypeId: 'it-boiler', date: day });
    expect(times.body.times.length).toBeGreaterThan(0);
    const comments = 'The boiler is in the basement.\nPlease use the side door and ring twice — the front bell is broken.';
    const booked = await client.post<BookResponse>(portalRoutes.book, { assetId: 'as-a', incidentTypeId: 'it-boiler', start: times.body.times[0]!.start, comments });
    expect(booked.status).toBe(201);
    const { bookingId, workOrderId, workOrderNumber } = booked.body.appointment;

    await console.call<SyncStatus>('syncNow');
    await waitFor(() => (console.services.db.prepare('SELECT COUNT(*) FROM bookings WHERE id = ?').pluck().get(bookingId) as number) === 1, 'the booking to arrive');
    const review = await console.call<ReviewItem[]>('listReviewQueue');
    expect(review.find((r) => r.bookingId === bookingId)).toMatchObject({ workOrderId, workOrderNumber });
    const requests = await console.call<PortalRequestSummary[]>('listPortalRequests', { state: 'open' });
    expect(requests.find((r) => r.workOrderId === workOrderId)).toMatchObject({ kind: 'new_booking', message: comments, workOrderNumber, contactName: 'Alice Alpha' });
  });
});
