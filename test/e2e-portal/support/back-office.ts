import { randomUUID } from 'node:crypto';
import { hubRoutes, type PullResponse, type PushResponse, type SignInResponse } from '../../../shared/contract/hub-http';
import type { Booking, Contact, CustomerAsset, IncidentType, ServiceAccount, WorkOrder } from '../../../shared/domain/entities';
import { PORTAL_ROLE } from '../../../shared/domain/entities';
import type { EntityName } from '../../../shared/sync/synced-entities';
import { ADMIN } from '../../integration/support/hub-process';

/**
 * What back office does from the console, done over the hub's own sync API (the console sends
 * exactly these mutations): read the data, issue invitations, grant the portal role.
 */
export class BackOffice {
  private constructor(
    private readonly hubUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(hubUrl: string): Promise<BackOffice> {
    const answer = await fetch(hubUrl + hubRoutes.signIn, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
    if (!answer.ok) throw new Error(`Back office could not sign in: ${answer.status} ${await answer.text()}`);
    return new BackOffice(hubUrl, ((await answer.json()) as SignInResponse).token);
  }

  /** Every live row of the given entities (the pull API, from the start). */
  async rows<T>(entity: EntityName): Promise<T[]> {
    const rows = new Map<string, T>();
    let cursor = 0;
    for (;;) {
      const page = await this.get<PullResponse>(`${hubRoutes.pull}?cursor=${cursor}&limit=5000`);
      for (const change of page.changes) {
        if (change.entity !== entity) continue;
        if (change.deleted) rows.delete(change.id);
        else rows.set(change.id, change.data as T);
      }
      cursor = page.cursor;
      if (!page.hasMore) return [...rows.values()];
    }
  }

  /** Contacts without the portal role or a profile, with an asset on their account: fresh customers. */
  async freshCustomers(count: number): Promise<{ contact: Contact; account: ServiceAccount; asset: CustomerAsset }[]> {
    const [contacts, accounts, assets] = await Promise.all([this.rows<Contact>('contact'), this.rows<ServiceAccount>('account'), this.rows<CustomerAsset>('asset')]);
    const picked: { contact: Contact; account: ServiceAccount; asset: CustomerAsset }[] = [];
    const usedAccounts = new Set<string>();
    for (const contact of contacts) {
      if (contact.webRoles.includes(PORTAL_ROLE) || contact.hasPortalProfile || usedAccounts.has(contact.accountId)) continue;
      const account = accounts.find((a) => a.id === contact.accountId);
      const asset = assets.find((a) => a.accountId === contact.accountId);
      if (!account || !asset) continue;
      usedAccounts.add(account.id);
      picked.push({ contact, account, asset });
      if (picked.length === count) return picked;
    }
    throw new Error(`Only ${picked.length} fresh customers in the demo data.`);
  }

  /**
   * A fresh customer whose account already has a Scheduled visit (from the demo data) that its
   * service's change notice covers now: it starts within that many hours, but not in the next hour.
   */
  async freshCustomerWithVisitInsideNotice(): Promise<{ contact: Contact; account: ServiceAccount; asset: CustomerAsset; booking: Booking; workOrder: WorkOrder; noticeHours: number }> {
    const [contacts, accounts, assets, bookings, workOrders, types] = await Promise.all([
      this.rows<Contact>('contact'),
      this.rows<ServiceAccount>('account'),
      this.rows<CustomerAsset>('asset'),
      this.rows<Booking>('booking'),
      this.rows<WorkOrder>('workOrder'),
      this.rows<IncidentType>('incidentType'),
    ]);
    const now = Date.now();
    for (const booking of bookings.sort((a, b) => a.start - b.start)) {
      if (booking.status !== 'scheduled' || booking.start < now + 3_600_000) continue;
      const workOrder = workOrders.find((w) => w.id === booking.workOrderId);
      const notice = types.find((t) => t.id === workOrder?.incidentTypeId)?.customerChangeNoticeHours ?? null;
      if (!workOrder || notice === null || booking.start - now >= notice * 3_600_000 - 600_000) continue;
      const contact = contacts.find((c) => c.accountId === workOrder.accountId && !c.webRoles.includes(PORTAL_ROLE) && !c.hasPortalProfile);
      const account = accounts.find((a) => a.id === workOrder.accountId);
      const asset = assets.find((a) => a.accountId === workOrder.accountId);
      if (contact && account && asset) return { contact, account, asset, booking, workOrder, noticeHours: notice };
    }
    throw new Error('No demo visit inside its change notice belongs to a fresh customer right now.');
  }

  /** Issue an invitation (the e-mail goes out) and grant the "Web API User" role, as the console does. */
  async invite(contactId: string): Promise<void> {
    await this.push([
      { name: 'issueInvitation', args: { invitationId: randomUUID(), contactId, expiresInDays: 14 } },
      { name: 'setPortalRole', args: { contactId, granted: true } },
    ]);
  }

  async push(mutations: { name: string; args: unknown }[]): Promise<void> {
    const answer = await fetch(this.hubUrl + hubRoutes.push, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ mutations: mutations.map((m) => ({ id: randomUUID(), ...m })) }),
    });
    if (!answer.ok) throw new Error(`Push failed: ${answer.status} ${await answer.text()}`);
    const { results } = (await answer.json()) as PushResponse;
    const refused = results.filter((r) => r.status !== 'applied');
    if (refused.length > 0) throw new Error(`The hub refused: ${JSON.stringify(refused)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const answer = await fetch(this.hubUrl + path, { headers: { authorization: `Bearer ${this.token}` } });
    if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  }
}
