import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactList, PortalRequestSummary, RunMutationResponse, SyncStatus, WorkOrderDetail } from '../../../shared/contract';
import type { ReviewItem } from '../../../shared/contract/dispatch-contract';
import type { PortalRequest } from '../../../shared/domain/entities';
import { runMutation } from '../../../shared/mutations/mutation-registry';
import type { HubTx } from '../../../server/store/hub-store';
import { connect, startTestConsole, waitFor, type TestConsole } from '../console-sync/support/console';
import { startHubWithHistory, type HubWithHistory } from '../support/hub-history';

/**
 * The console and a real hub (in this process, so the test can write at the hub the way the
 * portal's booking transaction does): an invitation waits on this computer until the hub has
 * it; a portal booking made at the hub arrives after sync in the review queue, its portal
 * request carrying the customer's comments whole and its work order.
 */
const now = Date.now();
let hub: HubWithHistory;
let console: TestConsole;

beforeAll(async () => {
  hub = await startHubWithHistory({ seed: 31, now });
  console = startTestConsole({ seedDemo: false, manualSync: true });
  await connect(console, hub.url);
});
afterAll(async () => {
  console?.close();
  await hub?.close();
});

const syncNow = () => console.call<SyncStatus>('syncNow');

describe('an invitation issued in the console', () => {
  it('is "not yet at the hub" until pushed, then the hub has it and the console says so', async () => {
    const contact = (await console.call<ContactList>('listContacts', { limit: 1 })).contacts[0]!;
    const invitationId = randomUUID();
    const issued = await console.call<RunMutationResponse>('runMutation', { name: 'issueInvitation', args: { invitationId, contactId: contact.id } });
    expect(issued).toMatchObject({ queued: true, outcome: { status: 'applied' } });
    const waiting = (await console.call<ContactList>('listContacts', { query: contact.email })).contacts[0]!;
    expect(waiting.invitation).toMatchObject({ id: invitationId, state: 'pending', awaitingHub: true });

    expect((await syncNow()).pendingCount).toBe(0);
    const atHub = await hub.store.transaction((tx) => tx.get('invitation', invitationId));
    expect(atHub).toMatchObject({ contactId: contact.id, email: contact.email });
    const arrived = (await console.call<ContactList>('listContacts', { query: contact.email })).contacts[0]!;
    expect(arrived.invitation).toMatchObject({ id: invitationId, awaitingHub: false });
  });
});

/** What the portal's booking transaction writes: a portal work order, the engine's booking awaiting review, a portal request with the comments. */
async function bookLikeThePortal(tx: HubTx, comments: string): Promise<{ workOrderId: string; bookingId: string; requestId: string } | null> {
  const env = { actor: 'portal', now };
  const contacts = (await tx.changesAfter(0, Number.MAX_SAFE_INTEGER)).filter((c) => c.entity === 'contact' && !c.deleted).map((c) => c.data as { id: string; accountId: string });
  const types = (await tx.list('incidentType')).filter((t) => t.portalBookable);
  // The first contact, bookable type and start (tomorrow or later, on the half hour in Chicago's working day) at which the engine finds a technician.
  for (const contact of contacts) {
    for (const type of types) {
      const start = await firstAutoStart(tx, env, contact.accountId, type.id);
      if (!start) continue;
      const workOrderId = randomUUID();
      const created = await runMutation(tx, env, { name: 'createWorkOrder', args: { workOrderId, accountId: contact.accountId, incidentTypeId: type.id, primaryContactId: contact.id, summary: type.customerFacingName, customerComments: comments } });
      if (created.status !== 'applied') throw new Error(`createWorkOrder: ${JSON.stringify(created)}`);
      const workOrder = (await tx.get('workOrder', workOrderId))!;
      await tx.put('workOrder', { ...workOrder, source: 'portal' });
      const bookingId = randomUUID();
      const version = (await tx.get('workOrder', workOrderId))!.version;
      const scheduled = await runMutation(tx, env, { name: 'scheduleWorkOrder', args: { workOrderId, expectedVersion: version, bookingId, start } });
      if (scheduled.status !== 'applied') throw new Error(`scheduleWorkOrder: ${JSON.stringify(scheduled)}`);
      const request: PortalRequest = { id: randomUUID(), kind: 'new_booking', accountId: contact.accountId, contactId: contact.id, workOrderId, message: comments, createdAt: now, state: 'open', handledBy: null, handledAt: null };
      await tx.put('portalRequest', request);
      return { workOrderId, bookingId, requestId: request.id };
    }
  }
  return null;
}

/** Tries the engine's placement for a throw-away work order (rolled back) at each start in turn. */
async function firstAutoStart(tx: HubTx, env: { actor: string; now: number }, accountId: string, incidentTypeId: string): Promise<number | null> {
  for (let day = 1; day <= 7; day++) {
    for (let halfHour = 0; halfHour < 16; halfHour++) {
      const start = (Math.floor(now / 86_400_000) + day) * 86_400_000 + (14 * 60 + halfHour * 30) * 60_000;
      const placed = await tx.nested(async () => {
        const workOrderId = randomUUID();
        await runMutation(tx, env, { name: 'createWorkOrder', args: { workOrderId, accountId, incidentTypeId } });
        const version = (await tx.get('workOrder', workOrderId))!.version;
        const outcome = await runMutation(tx, env, { name: 'scheduleWorkOrder', args: { workOrderId, expectedVersion: version, bookingId: randomUUID(), start } });
        return { keep: false, value: outcome.status === 'applied' };
      });
      if (placed) return start;
    }
  }
  return null;
}

describe('a booking made on the portal', () => {
  it('reaches the review queue after sync, with the customer comments whole in its portal request', async () => {
    const comments = 'Side gate is locked — please call first.\nThe unit is in the attic; bring a ladder. '.repeat(12).trim();
    const booked = await hub.store.transaction((tx) => bookLikeThePortal(tx, comments), { actor: 'portal', now });
    expect(booked).not.toBeNull();
    const { workOrderId, bookingId, requestId } = booked!;

    expect((await console.call<ReviewItem[]>('listReviewQueue')).some((r) => r.bookingId === bookingId)).toBe(false);
    await syncNow();
    await waitFor(() => (console.services.db.prepare('SELECT COUNT(*) FROM bookings WHERE id = ?').pluck().get(bookingId) as number) === 1, 'the booking to arrive');

    const review = await console.call<ReviewItem[]>('listReviewQueue');
    const item = review.find((r) => r.bookingId === bookingId);
    expect(item).toMatchObject({ workOrderId });
    expect(item!.explanation).toBeTruthy();

    const requests = await console.call<PortalRequestSummary[]>('listPortalRequests', { state: 'open' });
    const request = requests.find((r) => r.id === requestId);
    expect(request).toMatchObject({ kind: 'new_booking', workOrderId, message: comments });
    expect(request!.message.length).toBeGreaterThan(900);
    expect(request!.workOrderNumber).toMatch(/^WO-\d{5}$/);

    const detail = await console.call<WorkOrderDetail>('getWorkOrderDetail', { workOrderId });
    expect(detail).toMatchObject({ number: request!.workOrderNumber });
    expect(JSON.stringify(detail)).toContain('bring a ladder');
  });
});
