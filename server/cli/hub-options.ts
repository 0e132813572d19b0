import { parseArgs } from 'node:util';
import { defaultHubTimeouts, type HubTimeouts } from '../http/hub-timeouts';
import { OperatorError } from '../operator-error';
import type { StoreLocation } from '../store/open-hub-store';
import { parsePortalOptions, portalCliOptions, type PortalServeOptions } from './portal-cli-options';

export interface ServeOptions {
  command: 'serve';
  port: number;
  host: string;
  data: string;
  store: StoreLocation;
  demo: boolean;
  timeouts: HubTimeouts;
  portal: PortalServeOptions;
}

/** `technician-token --resource ID`: a new API token for one technician (replacing theirs), printed once. */
export interface TechnicianTokenOptions {
  command: 'technician-token';
  store: StoreLocation;
  resource: string;
}

/** `calendar-feed --resource ID`: a new secret calendar feed address for one technician (the old one stops working), printed once. */
export interface CalendarFeedOptions {
  command: 'calendar-feed';
  store: StoreLocation;
  resource: string;
}

/** `technician-photo --resource ID --file F` (or `--remove`): the photo customers see on the live tracking page. */
export interface TechnicianPhotoOptions {
  command: 'technician-photo';
  store: StoreLocation;
  resource: string;
  /** The image file; null with --remove. */
  file: string | null;
}

/** `caldav --resource ID --url URL --username U [--password-file F] [--off]`: a technician's CalDAV push target. */
export interface CaldavOptions {
  command: 'caldav';
  store: StoreLocation;
  resource: string;
  url: string;
  username: string;
  /** Absent: keep the stored password. */
  passwordFile: string | undefined;
  enabled: boolean;
}

export interface CreateAdminOptions {
  command: 'create-admin';
  data: string;
  store: StoreLocation;
  email: string;
  name: string;
}

/** `new-epoch`: tells every console to download everything again (after restoring a PostgreSQL backup). */
export interface NewEpochOptions {
  command: 'new-epoch';
  store: StoreLocation;
}

/** `backup --to FILE`: an online copy of the store; `restore --from FILE`: puts a copy back (hub stopped). */
export interface BackupOptions {
  command: 'backup';
  data: string;
  to: string;
}

export interface RestoreOptions {
  command: 'restore';
  data: string;
  from: string;
}

export type HubOptions = ServeOptions | CreateAdminOptions | BackupOptions | RestoreOptions | NewEpochOptions | TechnicianTokenOptions | CalendarFeedOptions | TechnicianPhotoOptions | CaldavOptions;

const subcommands = ['create-admin', 'backup', 'restore', 'new-epoch', 'technician-token', 'calendar-feed', 'technician-photo', 'caldav'] as const;

/** The environment variable that names the PostgreSQL database when --database is not given. */
export const DATABASE_URL_ENV = 'DATABASE_URL';

export class UsageError extends OperatorError {
  override name = 'UsageError';
}

/**
 * `hub [--port N] [--host H] [--data DIR] [--demo] [--headers-timeout S] [--request-timeout S]`,
 * `hub create-admin --email E --name N [--data DIR]`, `hub backup --to FILE [--data DIR]` or
 * `hub restore --from FILE [--data DIR]`, `hub new-epoch`, `hub technician-token --resource ID`, `hub calendar-feed --resource ID`,
 * `hub technician-photo --resource ID --file F | --remove`, `hub caldav --resource ID --url URL --username U [--password-file F] [--off]`;
 * serve also takes the portal and e-mail options of portal-cli-options.ts. Every command takes `--database URL`
 * (or DATABASE_URL) to use a PostgreSQL database instead of the SQLite file in --data.
 */
export function parseHubOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): HubOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4800' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.hub-data' },
      database: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'headers-timeout': { type: 'string', default: String(defaultHubTimeouts.headersMs / 1000) },
      'request-timeout': { type: 'string', default: String(defaultHubTimeouts.requestMs / 1000) },
      email: { type: 'string' },
      name: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      resource: { type: 'string' },
      file: { type: 'string' },
      remove: { type: 'boolean', default: false },
      url: { type: 'string' },
      username: { type: 'string' },
      'password-file': { type: 'string' },
      off: { type: 'boolean', default: false },
      ...portalCliOptions,
    },
  });
  const [command, ...rest] = positionals;
  if (rest.length > 0 || (command !== undefined && !(subcommands as readonly string[]).includes(command))) {
    throw new UsageError(`Unknown command "${positionals.join(' ')}"; the subcommands are ${subcommands.join(', ')}.`);
  }
  const store = storeLocation(values.data, values.database ?? env[DATABASE_URL_ENV]);
  if (command === 'new-epoch') return { command, store };
  if (command === 'technician-token' || command === 'calendar-feed') {
    if (!values.resource) throw new UsageError(`${command} needs --resource ID (the technician's resource id), e.g. ${command} --resource res-0001.`);
    return { command, store, resource: values.resource };
  }
  if (command === 'technician-photo') {
    if (!values.resource) throw new UsageError('technician-photo needs --resource ID (the technician\'s resource id), e.g. technician-photo --resource res-0001 --file ann.jpg.');
    if (values.remove === Boolean(values.file)) throw new UsageError('technician-photo needs either --file F (a JPEG, PNG or WebP image of at most 512 KB) or --remove.');
    return { command, store, resource: values.resource, file: values.file ?? null };
  }
  if (command === 'caldav') {
    if (!values.resource || !values.url || !values.username) throw new UsageError('caldav needs --resource ID, --url URL and --username NAME (and --password-file FILE the first time), e.g. caldav --resource res-0001 --url https://dav.example.com/alex/work/ --username alex --password-file alex.txt.');
    return { command, store, resource: values.resource, url: values.url, username: values.username, passwordFile: values['password-file'], enabled: !values.off };
  }
  if ((command === 'backup' || command === 'restore') && store.engine === 'postgres') {
    throw new UsageError(`${command} copies the SQLite store; for PostgreSQL use pg_dump / pg_restore, then run "hub new-epoch --database …" (docs/hub.md).`);
  }
  if (command === 'backup') {
    if (!values.to) throw new UsageError('backup needs --to FILE, e.g. backup --to backups/hub-2026-11-28.sqlite.');
    return { command, data: values.data, to: values.to };
  }
  if (command === 'restore') {
    if (!values.from) throw new UsageError('restore needs --from FILE (a file written by backup).');
    return { command, data: values.data, from: values.from };
  }
  if (command === 'create-admin') {
    if (!values.email || !values.name) throw new UsageError('create-admin needs --email and --name, e.g. create-admin --email ann@example.com --name "Ann Admin".');
    return { command, data: values.data, store, email: values.email, name: values.name };
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  const timeouts = { headersMs: seconds('--headers-timeout', values['headers-timeout']), requestMs: seconds('--request-timeout', values['request-timeout']) };
  if (timeouts.headersMs > timeouts.requestMs) throw new UsageError('--headers-timeout must not be longer than --request-timeout (the headers are part of the request).');
  return { command: 'serve', port, host: values.host, data: values.data, store, demo: values.demo, timeouts, portal: parsePortalOptions(values, env) };
}

/** A duration option in seconds (decimals allowed), as whole milliseconds. */
function seconds(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0.1 || value > 3600) throw new UsageError(`${option} must be a number of seconds from 0.1 to 3600, not "${text}".`);
  return Math.round(value * 1000);
}

function storeLocation(data: string, database: string | undefined): StoreLocation {
  if (database === undefined || database === '') return { engine: 'sqlite', data };
  if (!/^postgres(ql)?:\/\//.test(database)) throw new UsageError(`--database (or ${DATABASE_URL_ENV}) must be a postgres:// or postgresql:// URL, not "${database.slice(0, 40)}".`);
  return { engine: 'postgres', url: database };
}
