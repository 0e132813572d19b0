import { describe, expect, it } from 'vitest';
import { parseHubOptions, type ServeOptions } from '../../../server/cli/hub-options';

const serve = (argv: string[], env: Record<string, string> = {}) => parseHubOptions(argv, env) as ServeOptions;

describe('hub portal and e-mail options', () => {
  it('work without SMTP (mail waits in the outbox) and default to port 587 with STARTTLS', () => {
    expect(serve([]).portal).toEqual({ portalUrl: null, tileUrl: null, mail: { host: null, port: 587, secure: false, user: null, password: null, from: 'Dispatch Desk <no-reply@localhost>', company: 'Dispatch Desk' } });
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
    });
    expect(serve(['--smtp-port', '2525'], { SMTP_HOST: 'mail', SMTP_PORT: '25' }).portal.mail).toMatchObject({ host: 'mail', port: 2525 });
  });

  it.each([
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
  });
});
