import net from 'node:net';
import { portalRoutes } from '../../../shared/contract/portal-http';
import { OidcTestProvider } from '../../support/oidc-test-provider';
import { createAdmin, newHubDataDir, startHub, type HubProcess } from '../../integration/support/hub-process';
import { BackOffice } from './back-office';
import { SmtpSink } from './smtp-sink';

export interface PortalHub {
  hub: HubProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Where customers open the portal: http://127.0.0.1:<port>/portal/ */
  portalUrl: string;
  smtp: SmtpSink;
  /** The external sign-in issuer the hub is configured with (display name EXTERNAL_PROVIDER_NAME). */
  issuer: OidcTestProvider;
  backOffice: BackOffice;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the hub's public portal address, written into e-mails, needs it before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const EXTERNAL_PROVIDER_NAME = 'Acme SSO';

/**
 * A real hub with the demo company and an administrator, delivering its e-mails to a real SMTP
 * server on 127.0.0.1 and offering external sign-in at a real OpenID Connect provider, on free
 * ports; `args` are further hub options (e.g. a tile URL). The provider is addressed as
 * `localhost`, another site than the hub's 127.0.0.1 to the browser, so its way back to the hub
 * is a cross-site navigation as with a real issuer (SameSite=Strict cookies stay behind).
 */
export async function startPortalHub(args: readonly string[] = []): Promise<PortalHub> {
  const smtp = await SmtpSink.start();
  const issuer = await OidcTestProvider.start('localhost');
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  issuer.registerRedirectUri(`${url}${portalRoutes.oidcCallback}`);
  const oidcArgs = ['--oidc-issuer', issuer.issuer, '--oidc-client-id', issuer.clientId, '--oidc-name', EXTERNAL_PROVIDER_NAME];
  const hub = await startHub({
    dataDir,
    port,
    demo: true,
    args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(smtp.port), '--portal-url', `${url}/portal`, ...oidcArgs, ...args],
    env: { OIDC_CLIENT_SECRET: issuer.clientSecret },
  });
  const backOffice = await BackOffice.signIn(url);
  return {
    hub,
    url,
    portalUrl: `${url}/portal/`,
    smtp,
    issuer,
    backOffice,
    stop: async () => {
      await hub.stop();
      await smtp.stop();
      await issuer.stop();
    },
  };
}
