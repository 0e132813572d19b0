import net from 'node:net';
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

/**
 * A real hub with the demo company and an administrator, delivering its e-mails to a real SMTP
 * server on 127.0.0.1, on free ports; `args` are further hub options (e.g. a tile URL).
 */
export async function startPortalHub(args: readonly string[] = []): Promise<PortalHub> {
  const smtp = await SmtpSink.start();
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const hub = await startHub({
    dataDir,
    port,
    demo: true,
    args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(smtp.port), '--portal-url', `${url}/portal`, ...args],
  });
  const backOffice = await BackOffice.signIn(url);
  return {
    hub,
    url,
    portalUrl: `${url}/portal/`,
    smtp,
    backOffice,
    stop: async () => {
      await hub.stop();
      await smtp.stop();
    },
  };
}
