import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/**
 * A real CalDAV server for tests: Debian's `radicale` on 127.0.0.1 (a free port), its own empty
 * storage and one user with a plain-text password, its configuration given whole on the command
 * line (no /etc/radicale). `.ci/run` installs the package when missing.
 */
export interface RadicaleServer {
  url: string;
  user: { name: string; password: string };
  /** Creates a calendar collection owned by the user; answers its URL (ending in "/"). */
  makeCalendar(name: string): Promise<string>;
  /** The iCalendar texts of every event in a collection (PROPFIND, then GET each). */
  events(collectionUrl: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startRadicale(user = { name: 'alex', password: 'alex-caldav-password' }): Promise<RadicaleServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-radicale-'));
  const config = path.join(dir, 'config');
  const users = path.join(dir, 'users');
  writeFileSync(config, '');
  writeFileSync(users, `${user.name}:${user.password}\n`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'radicale',
    ['-C', config, '--server-hosts', `127.0.0.1:${port}`, '--storage-filesystem-folder', path.join(dir, 'collections'), '--auth-type', 'htpasswd', '--auth-htpasswd-filename', users, '--auth-htpasswd-encryption', 'plain', '--rights-type', 'owner_only', '--logging-level', 'warning'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`radicale exited with ${child.exitCode}: ${stderr}`);
    const up = await fetch(`${url}/.web/`).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`radicale did not answer in 20 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    user,
    async makeCalendar(name) {
      const collection = `${url}/${user.name}/${name}/`;
      const body = `<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname></D:prop></D:set></C:mkcalendar>`;
      const made = await fetch(collection, { method: 'MKCALENDAR', headers: { authorization: auth, 'content-type': 'application/xml' }, body });
      if (made.status !== 201) throw new Error(`MKCALENDAR ${collection} answered ${made.status}: ${await made.text()}`);
      return collection;
    },
    async events(collectionUrl) {
      const listed = await fetch(collectionUrl, { method: 'PROPFIND', headers: { authorization: auth, depth: '1', 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>' });
      const hrefs = [...(await listed.text()).matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => m[1]!);
      return Promise.all(hrefs.map(async (href) => (await fetch(new URL(href, url), { headers: { authorization: auth } })).text()));
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
