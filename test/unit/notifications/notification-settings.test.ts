import { describe, expect, it } from 'vitest';
import { defaultNotificationConfig, notificationRules } from '../../../server/notifications/notification-config';
import { notificationKinds, NotificationSettingsSchema } from '../../../shared/domain/notification-settings';
import { defaultPortalSettings, PortalSettingsSchema } from '../../../shared/domain/portal-settings';

describe('notification settings in the portal settings', () => {
  it('keeps rows saved before notifications were settings valid, and accepts both reminder forms', () => {
    expect(PortalSettingsSchema.safeParse(defaultPortalSettings([])).success).toBe(true);
    for (const reminder of [{ daysBefore: 0, at: '08:00' }, { daysBefore: 30, at: '23:59' }, { hoursBefore: 1 }, { hoursBefore: 720 }]) {
      expect(PortalSettingsSchema.safeParse({ ...defaultPortalSettings([]), notifications: { off: ['booking_moved'], reminder } }).success).toBe(true);
    }
  });

  it('refuses poison with a message naming what is wrong', () => {
    const issue = (value: unknown) => {
      const parsed = NotificationSettingsSchema.safeParse(value);
      return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(issue({ off: ['booking_moved', 'booking_moved'], reminder: { hoursBefore: 3 } })).toBe('off: names a kind twice');
    expect(issue({ off: ['password_reset'], reminder: { hoursBefore: 3 } })).toMatch(/^off\.0: /);
    expect(issue({ off: [], reminder: { hoursBefore: 3 }, extra: 1 })).toMatch(/extra/);
    // A union: each form's own message, so the console can name the field.
    expect(issue({ off: [], reminder: { daysBefore: 31, at: '17:00' } })).toContain('must be a whole number of days from 0 to 30');
    expect(issue({ off: [], reminder: { daysBefore: 1, at: '24:00' } })).toContain('must be HH:MM (24 h)');
    expect(issue({ off: [], reminder: { hoursBefore: 0.5 } })).toContain('must be a whole number of hours from 1 to 720');
    expect(issue({ off: [], reminder: { hoursBefore: 3, daysBefore: 1 } })).not.toBeNull();
  });
});

describe('the hub option as the operator override', () => {
  const hubOff = { ...defaultNotificationConfig, enabled: new Set(notificationKinds.filter((k) => k !== 'visit_completed')), reminder: { hoursBefore: 3 } };

  it('applies the hub options alone until settings are saved', () => {
    expect(notificationRules(hubOff, undefined)).toEqual({ enabled: hubOff.enabled, reminder: { hoursBefore: 3 } });
  });

  it('sends a kind only when on in the settings and not off at the hub; the saved lead wins', () => {
    const rules = notificationRules(hubOff, { off: ['booking_moved'], reminder: { daysBefore: 2, at: '09:00' } });
    expect([...rules.enabled].sort()).toEqual(notificationKinds.filter((k) => k !== 'visit_completed' && k !== 'booking_moved').sort());
    expect(rules.reminder).toEqual({ daysBefore: 2, at: '09:00' });
  });
});
