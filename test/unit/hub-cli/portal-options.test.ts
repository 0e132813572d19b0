import { describe, expect, it } from 'vitest';
import { parseHubOptions, type ServeOptions } from '../../../server/cli/hub-options';
import { defaultNotificationConfig } from '../../../server/notifications/notification-config';
import { notificationKinds } from '../../../shared/domain/notification-settings';

const serve = (argv: string[], env: Record<string, string> = {}) => parseHubOptions(argv, env) as ServeOptions;

describe('hub portal and e-mail options', () => {
  it('work without SMTP (mail waits in the outbox) and default to port 587 with STARTTLS', () => {
    expect(serve([]).portal).toEqual({ portalUrl: null, tileUrl: null, mail: { host: null, port: 587, secure: false, user: null, password: null, from: 'Dispatch Desk <no-reply@localhost>', company: 'Dispatch Desk' }, notifications: defaultNotificationConfig, oidc: null });
  });

  it('take options, or the environment when an option is not given; the password only from the environment', () => {
    const options = serve(['--smtp-host', 'smtp.acme.example', '--smtp-secure', '--mail-from', 'Acme <service@acme.example>', '--portal-url', 'https://service.acme.example/portal'], {
      SMTP_USER: 'mailer',
      SMTP_PASSWORD: 'secret',
      COMPANY_NAME: 'Acme Heating',
      MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png',
    });
    expect(options.portal).toEqual({
      portalUrl: 'https://service.acme.example/portal',
      tileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
      mail: { host: 'smtp.acme.example', port: 465, secure: true, user: 'mailer', password: 'secret', from: 'Acme <service@acme.example>', company: 'Acme Heating' },
      notifications: defaultNotificationConfig,
      oidc: null,
    });
    expect(serve(['--smtp-port', '2525'], { SMTP_HOST: 'mail', SMTP_PORT: '25' }).portal.mail).toMatchObject({ host: 'mail', port: 2525 });
  });

  it('turn external sign-in on with an issuer, client id, display name and the secret from the environment only', () => {
    const env = { OIDC_CLIENT_SECRET: 'from-env', OIDC_DISPLAY_NAME: 'Acme SSO' };
    expect(serve(['--oidc-issuer', 'https://sso.acme.example/realms/customers', '--oidc-client-id', 'portal'], env).portal.oidc).toEqual({
      issuer: 'https://sso.acme.example/realms/customers',
      clientId: 'portal',
      clientSecret: 'from-env',
      displayName: 'Acme SSO',
    });
    expect(serve([], { ...env, OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'p', OIDC_DISPLAY_NAME: 'Local' }).portal.oidc).toMatchObject({ issuer: 'http://127.0.0.1:9000', displayName: 'Local' });
    // There is no option for the secret: parseArgs refuses it.
    expect(() => serve(['--oidc-client-secret', 'x'])).toThrow(/Unknown option '--oidc-client-secret'/);
  });

  it.each([
    [['--oidc-issuer', 'http://sso.acme.example'], { OIDC_CLIENT_ID: 'p', OIDC_CLIENT_SECRET: 's', OIDC_DISPLAY_NAME: 'A' }, /--oidc-issuer \(OIDC_ISSUER\) must be an https:\/\/ address \(http:\/\/ only on 127\.0\.0\.1 or localhost\)/],
    [['--oidc-issuer', 'https://sso.acme.example?x=1'], {}, /must not carry a query/],
    [['--oidc-issuer', 'https://sso.acme.example'], { OIDC_CLIENT_ID: 'p' }, /also needs OIDC_CLIENT_SECRET \(environment only\), --oidc-name \(OIDC_DISPLAY_NAME\)/],
    [['--oidc-client-id', 'p'], {}, /External sign-in needs --oidc-issuer/],
    [['--oidc-issuer', 'https://sso.acme.example', '--oidc-client-id', 'p', '--oidc-name', 'x'.repeat(41)], { OIDC_CLIENT_SECRET: 's' }, /at most 40 characters/],
  ])('refuse external sign-in settings %j %j with a message naming what is wrong', (argv, env, message) => {
    expect(() => serve(argv, env)).toThrow(message);
  });

  it('switch notification kinds off and set the reminder lead, by option or environment', () => {
    const options = serve(['--notifications-off', 'booking_moved, booking_reminder', '--reminder', '2d@08:30']).portal.notifications;
    expect([...options.enabled].sort()).toEqual(notificationKinds.filter((k) => k !== 'booking_moved' && k !== 'booking_reminder').sort());
    expect(options.reminder).toEqual({ daysBefore: 2, at: '08:30' });
    expect(serve([], { NOTIFICATION_REMINDER: '3h', NOTIFICATIONS_OFF: 'visit_completed' }).portal.notifications).toMatchObject({ reminder: { hoursBefore: 3 } });
  });

  it.each([
    [['--notifications-off', 'booking_moved,sms'], {}, /--notifications-off \(NOTIFICATIONS_OFF\) names no such notification: sms\. Known: booking_confirmed/],
    [['--reminder', '17:00'], {}, /--reminder \(NOTIFICATION_REMINDER\) must be days before at a local time, like 1d@17:00, or hours before, like 3h; not "17:00"/],
    [[], { NOTIFICATION_REMINDER: '0h' }, /--reminder \(NOTIFICATION_REMINDER\) must be/],
    [['--smtp-port', 'x'], {}, /E-mail settings are not valid \(port:/],
    [['--smtp-user', 'mailer'], {}, /SMTP user and password go together/],
    [['--portal-url', 'ftp://x'], {}, /--portal-url \(PORTAL_URL\) must be an http:\/\/ or https:\/\/ address/],
    [[], { MAP_TILE_URL: 'tiles' }, /--map-tiles \(MAP_TILE_URL\) must be an http/],
  ])('refuse %j %j with a message naming the setting', (argv, env, message) => {
    expect(() => serve(argv, env)).toThrow(message);
  });

  it('parse technician-token --resource, and ask for the resource when it is missing', () => {
    expect(parseHubOptions(['technician-token', '--resource', 'r-1', '--data', 'd'], {})).toEqual({ command: 'technician-token', store: { engine: 'sqlite', data: 'd' }, resource: 'r-1' });
    expect(() => parseHubOptions(['technician-token'], {})).toThrow(/technician-token needs --resource ID/);
    expect(parseHubOptions(['calendar-feed', '--resource', 'r-1', '--data', 'd'], {})).toEqual({ command: 'calendar-feed', store: { engine: 'sqlite', data: 'd' }, resource: 'r-1' });
    expect(() => parseHubOptions(['calendar-feed'], {})).toThrow(/calendar-feed needs --resource ID/);
    expect(parseHubOptions(['caldav', '--resource', 'r-1', '--url', 'https://dav.example.com/a/', '--username', 'a', '--password-file', 'p.txt', '--off', '--data', 'd'], {})).toEqual({
      command: 'caldav', store: { engine: 'sqlite', data: 'd' }, resource: 'r-1', url: 'https://dav.example.com/a/', username: 'a', passwordFile: 'p.txt', enabled: false,
    });
    expect(() => parseHubOptions(['caldav', '--resource', 'r-1', '--username', 'a'], {})).toThrow(/caldav needs --resource ID, --url URL and --username NAME/);
  });
});
