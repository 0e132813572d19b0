import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactList, PortalSettingsView, RunMutationResponse } from '../../../shared/contract';
import type { PortalSettings } from '../../../shared/domain/portal-settings';
import { apiCalls, startTestConsole, type TestConsole } from '../console-sync/support/console';

/**
 * The console side of the portal on a demo replica (no hub): the contacts list and its search,
 * invitations and the portal role through the shared mutations, and the portal settings with
 * the schema's validation — through the real API dispatcher, as the renderer calls it.
 */
let console: TestConsole;
let api: ReturnType<typeof apiCalls>;
beforeAll(() => {
  console = startTestConsole();
  api = apiCalls(console.services);
});
afterAll(() => console.close());

const list = (payload: object = {}) => api.call<ContactList>('listContacts', payload);
const mutate = (name: string, args: unknown) => api.call<RunMutationResponse>('runMutation', { name, args });
const contactRow = (id: string) => console.services.db.prepare('SELECT id, name, email, account_id AS accountId FROM contacts WHERE id = ?').get(id) as { id: string; name: string; email: string; accountId: string };

describe('contacts list', () => {
  it('pages through every contact by name, without overlap between pages', async () => {
    const total = console.services.db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number;
    const first = await list({ limit: 50 });
    const second = await list({ limit: 50, offset: 50 });
    expect(first.total).toBe(total);
    expect(first.contacts).toHaveLength(50);
    expect(second.contacts).toHaveLength(50);
    const names = first.contacts.map((c) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(second.contacts[0]!.name.toLowerCase() >= names.at(-1)!).toBe(true);
    expect(new Set([...first.contacts, ...second.contacts].map((c) => c.id)).size).toBe(100);
    const last = await list({ limit: 50, offset: total - 3 });
    expect(last.contacts).toHaveLength(3);
  });

  it('finds a contact by part of the name in any case, by e-mail and by account name', async () => {
    const target = contactRow('con-0042');
    const account = console.services.db.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(target.accountId) as string;
    const byName = await list({ query: target.name.split(' ').at(-1)!.toUpperCase() });
    expect(byName.contacts.map((c) => c.id)).toContain(target.id);
    expect(byName.total).toBeLessThan(100);
    const byEmail = await list({ query: target.email });
    expect(byEmail.contacts).toEqual([expect.objectContaining({ id: target.id, email: target.email, accountName: account })]);
    const byAccount = await list({ query: account });
    expect(byAccount.contacts.every((c) => c.accountName.toLowerCase().includes(account.toLowerCase()) || c.name.toLowerCase().includes(account.toLowerCase()))).toBe(true);
    expect(byAccount.contacts.map((c) => c.id)).toContain(target.id);
  });

  it('treats % and _ as letters, and refuses an overlong query or page size with the reason', async () => {
    expect((await list({ query: '%' })).total).toBe(0);
    expect((await list({ query: '_' })).total).toBe(0);
    expect((await api.fail('listContacts', { query: 'x'.repeat(201) })).message).toMatch(/query: a search may hold at most 200 characters/);
    expect((await api.fail('listContacts', { limit: 5000 })).message).toMatch(/limit:/);
    expect((await api.fail('listContacts', { query: 'a', role: 'admin' })).code).toBe('invalid_request');
  });
});

describe('invitations and the portal role', () => {
  it('an invitation shows on its contact as pending; a re-issue becomes the one shown', async () => {
    const contact = contactRow('con-0007');
    const issued = await mutate('issueInvitation', { invitationId: 'inv-test-1', contactId: contact.id });
    expect(issued).toMatchObject({ outcome: { status: 'applied' }, queued: false });
    let item = (await list({ query: contact.email })).contacts[0]!;
    expect(item.invitation).toMatchObject({ id: 'inv-test-1', state: 'pending', awaitingHub: false, issuedBy: expect.any(String) });
    expect(item.invitation!.expiresAt - item.invitation!.createdAt).toBe(14 * 86_400_000);
    expect(item.invitationCount).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await mutate('issueInvitation', { invitationId: 'inv-test-2', contactId: contact.id, expiresInDays: 3 });
    item = (await list({ query: contact.email })).contacts[0]!;
    expect(item.invitation).toMatchObject({ id: 'inv-test-2', state: 'pending' });
    expect(item.invitationCount).toBe(2);
  });

  it('an invitation for a contact that does not exist is refused, and nothing is written', async () => {
    const outcome = (await mutate('issueInvitation', { invitationId: 'inv-test-3', contactId: 'con-missing' })).outcome;
    expect(outcome).toMatchObject({ status: 'refused', code: 'not_found' });
    expect(console.services.db.prepare("SELECT COUNT(*) FROM invitations WHERE id = 'inv-test-3'").pluck().get()).toBe(0);
  });

  it('grants and revokes the portal role; granting it twice is refused with the reason', async () => {
    const without = (await list()).contacts.find((c) => !c.portalRole)!;
    expect((await mutate('setPortalRole', { contactId: without.id, granted: true })).outcome.status).toBe('applied');
    expect((await list({ query: without.email })).contacts[0]!.portalRole).toBe(true);
    const again = (await mutate('setPortalRole', { contactId: without.id, granted: true })).outcome;
    expect(again).toMatchObject({ status: 'refused', code: 'state', reason: `${without.name} already has the "Web API User" role.` });
    expect((await mutate('setPortalRole', { contactId: without.id, granted: false })).outcome.status).toBe('applied');
    expect((await list({ query: without.email })).contacts[0]!.portalRole).toBe(false);
  });
});

describe('portal settings', () => {
  it('shows the defaults with every portal-bookable incident type until saved', async () => {
    const view = await api.call<PortalSettingsView>('getPortalSettings');
    const bookable = view.incidentTypes.filter((t) => t.portalBookable).map((t) => t.id);
    expect(bookable.length).toBeGreaterThan(0);
    expect(view.incidentTypes.length).toBeGreaterThan(bookable.length);
    expect(view).toMatchObject({ saved: false, version: 0, settings: { minLeadDays: 0, maxLeadDays: 30, minNoticeHours: 4, slots: { granularityMinutes: 30 }, surveyEnabled: true } });
    expect(view.settings.bookableIncidentTypeIds).toEqual(bookable);
  });

  it('saves valid settings; bad ones, a stale version or a type not bookable are refused and nothing changes', async () => {
    const before = await api.call<PortalSettingsView>('getPortalSettings');
    const settings: PortalSettings = { ...before.settings, bookableIncidentTypeIds: before.settings.bookableIncidentTypeIds.slice(0, 1), minLeadDays: 1, maxLeadDays: 10, slots: { arrivalWindows: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }] }, surveyEnabled: false };
    const bad = (await mutate('savePortalSettings', { settings: { ...settings, minLeadDays: 20 }, expectedVersion: 0 })).outcome;
    expect(bad).toMatchObject({ status: 'refused', code: 'invalid_args' });
    expect(bad.status === 'refused' && bad.reason).toContain('the minimum lead time must not exceed the maximum');
    const overnight = (await mutate('savePortalSettings', { settings: { ...settings, slots: { arrivalWindows: [{ start: '18:00', end: '08:00' }] } }, expectedVersion: 0 })).outcome;
    expect(overnight.status === 'refused' && overnight.reason).toContain('an arrival window ends after it starts');
    const notBookable = before.incidentTypes.find((t) => !t.portalBookable)!;
    const rule = (await mutate('savePortalSettings', { settings: { ...settings, bookableIncidentTypeIds: [notBookable.id] }, expectedVersion: 0 })).outcome;
    expect(rule).toMatchObject({ status: 'refused', code: 'rule' });
    expect(await api.call<PortalSettingsView>('getPortalSettings')).toMatchObject({ saved: false, version: 0 });

    expect((await mutate('savePortalSettings', { settings, expectedVersion: 0 })).outcome.status).toBe('applied');
    const after = await api.call<PortalSettingsView>('getPortalSettings');
    expect(after).toMatchObject({ saved: true, settings });
    expect(after.version).toBeGreaterThan(0);
    const stale = (await mutate('savePortalSettings', { settings: { ...settings, surveyEnabled: true }, expectedVersion: 0 })).outcome;
    expect(stale).toMatchObject({ status: 'refused', code: 'version_conflict' });
    expect((await api.call<PortalSettingsView>('getPortalSettings')).settings.surveyEnabled).toBe(false);
  });

  it("sets an incident type's change notice, and clears it; a value out of range or unchanged is refused", async () => {
    const type = (await api.call<PortalSettingsView>('getPortalSettings')).incidentTypes.find((t) => t.portalBookable)!;
    const next = type.customerChangeNoticeHours === 48 ? 36 : 48;
    expect((await mutate('setChangeNotice', { incidentTypeId: type.id, hours: next })).outcome.status).toBe('applied');
    expect((await api.call<PortalSettingsView>('getPortalSettings')).incidentTypes.find((t) => t.id === type.id)!.customerChangeNoticeHours).toBe(next);
    const same = (await mutate('setChangeNotice', { incidentTypeId: type.id, hours: next })).outcome;
    expect(same).toMatchObject({ status: 'refused', code: 'state' });
    const tooLong = (await mutate('setChangeNotice', { incidentTypeId: type.id, hours: 721 })).outcome;
    expect(tooLong.status === 'refused' && tooLong.reason).toContain('hours: must be a whole number of hours from 0 to 720');
    const fraction = (await mutate('setChangeNotice', { incidentTypeId: type.id, hours: 1.5 })).outcome;
    expect(fraction).toMatchObject({ status: 'refused', code: 'invalid_args' });
    expect((await mutate('setChangeNotice', { incidentTypeId: type.id, hours: null })).outcome.status).toBe('applied');
    expect((await api.call<PortalSettingsView>('getPortalSettings')).incidentTypes.find((t) => t.id === type.id)!.customerChangeNoticeHours).toBeNull();
    const audit = console.services.db.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at").pluck().all(type.id);
    expect(audit).toEqual(['set-change-notice', 'set-change-notice']);
  });

  it('refuses a request with fields the method does not take', async () => {
    expect((await api.fail('getPortalSettings', { version: 3 })).code).toBe('invalid_request');
  });
});
