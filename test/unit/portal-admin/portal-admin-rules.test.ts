import { describe, expect, it } from 'vitest';
import { accessFor } from '../../../renderer/components/access';
import { fieldErrors } from '../../../renderer/features/portal-admin/portal-settings-issues';
import { shownState } from '../../../renderer/features/portal-admin/invitation-shown-state';
import type { HubUser } from '../../../shared/contract/hub-http';
import { PortalSettingsSchema } from '../../../shared/domain/portal-settings';

const user = (role: HubUser['role']): HubUser => ({ id: 'u1', email: 'u@example.com', name: 'U', role });

describe('who may change the portal from the console', () => {
  it('follows the hub role table: back office and administrators invite, only administrators save the settings', () => {
    expect(accessFor('issueInvitation', { mode: 'hub', user: user('back_office') })).toEqual({ allowed: true });
    expect(accessFor('setPortalRole', { mode: 'hub', user: user('dispatcher') })).toEqual({ allowed: false, role: 'dispatcher', allowedRoles: ['back_office', 'administrator'] });
    expect(accessFor('savePortalSettings', { mode: 'hub', user: user('back_office') })).toEqual({ allowed: false, role: 'back_office', allowedRoles: ['administrator'] });
    expect(accessFor('setChangeNotice', { mode: 'hub', user: user('administrator') })).toEqual({ allowed: true });
  });

  it('allows everything on demo data (no hub, no users) and nothing with a hub but nobody known', () => {
    expect(accessFor('savePortalSettings', { mode: 'demo', user: null })).toEqual({ allowed: true });
    expect(accessFor('issueInvitation', { mode: 'hub', user: null })).toMatchObject({ allowed: false, role: null });
  });
});

describe('portal settings messages', () => {
  const translate = (key: string) => `«${key}»`;

  it('translates the schema messages it knows, keeps the ones it does not, one per field', () => {
    const parsed = PortalSettingsSchema.safeParse({ minLeadDays: -1, maxLeadDays: 1.5, minNoticeHours: undefined, bookableIncidentTypeIds: [], slots: { granularityMinutes: 30 }, surveyEnabled: true });
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!.issues, translate as never);
    expect(errors.get('minLeadDays')).toBe('«portalSettings.error.negative»');
    expect(errors.get('maxLeadDays')).toBe('«portalSettings.error.wholeDays»');
    expect(errors.get('minNoticeHours')).toBe('«portalSettings.error.required»');
    const unknown = fieldErrors([{ code: 'custom', path: ['x'], message: 'something new', input: undefined }], translate as never);
    expect(unknown.get('x')).toBe('something new');
  });
});

describe('what an invitation shows', () => {
  const base = { id: 'i1', createdAt: 0, expiresAt: 1_000, issuedBy: 'bo@example.com', awaitingHub: false };
  it('says not yet at the hub before the push, never e-mailed on demo data, expired once past its expiry', () => {
    expect(shownState({ ...base, state: 'pending', awaitingHub: true }, 10, false)).toBe('awaitingHub');
    expect(shownState({ ...base, state: 'pending' }, 10, true)).toBe('noHub');
    expect(shownState({ ...base, state: 'pending' }, 10, false)).toBe('pending');
    expect(shownState({ ...base, state: 'sent' }, 1_000, false)).toBe('expired');
    expect(shownState({ ...base, state: 'redeemed' }, 5_000, false)).toBe('redeemed');
  });
});
