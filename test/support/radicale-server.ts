import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fetchCalendarObjects } from 'tsdav';
import { freePort } from './free-port';

/**
 * A real CalDAV server (Debian's `radicale`) for tests: 127.0.0.1 on a free port, a temporary
 * storage folder, htpasswd authentication with plain-text passwords (no delay after a wrong
 * one), owner-only rights. `stop` and `start` again keep the storage (a server outage);
 * `destroy` removes it.
 */
export interface RadicaleServer {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  /** Makes the user's calendar collection (MKCALENDAR) and answers its URL, ending in "/". */
  makeCalendar(user: { name: string; password: string }, calendar: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const RADICALE = '/usr/bin/radicale';

export async function startRadicale(users: readonly { name: string; password: string }[]): Promise<RadicaleServer> {
  if (!existsSync(RADICALE)) throw new Error('radicale is not installed: `apt-get install -y radicale` (.ci/run installs it).');
  const folder = mkdtempSync(path.join(tmpdir(), 'dd-radicale-'));
  const port = await freePort();
  writeFileSync(path.join(folder, 'users'), users.map((u) => `${u.name}:${u.password}\n`).join(''));
  writeFileSync(
    path.join(folder, 'config'),
    [
      '[server]', `hosts = 127.0.0.1:${port}`,
      '[auth]', 'type = htpasswd', `htpasswd_filename = ${path.join(folder, 'users')}`, 'htpasswd_encryption = plain', 'delay = 0',
      '[rights]', 'type = owner_only',
      '[storage]', `filesystem_folder = ${path.join(folder, 'collections')}`,
      '[logging]', 'level = warning',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    output = '';
    child = spawn(RADICALE, ['-C', path.join(folder, 'config')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForPort(port, () => (child?.exitCode !== null ? `radicale exited (${child?.exitCode}): ${output}` : undefined));
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    async makeCalendar(user, calendar) {
      const collection = `${url}/${encodeURIComponent(user.name)}/${encodeURIComponent(calendar)}/`;
      const response = await fetch(collection, { method: 'MKCALENDAR', headers: { authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` } });
      if (response.status !== 201) throw new Error(`MKCALENDAR ${collection} answered ${response.status}: ${await response.text()}`);
      return collection;
    },
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const problem = exited();
    if (problem) throw new Error(problem);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`radicale did not listen on 127.0.0.1:${port} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The iCalendar text of every event in a collection, read back with a CalDAV client (tsdav). */
export async function calendarTexts(user: { name: string; password: string }, collectionUrl: string): Promise<string[]> {
  const objects = await fetchCalendarObjects({ calendar: { url: collectionUrl }, headers: { authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` } });
  return objects.map((o) => String(o.data));
}
