import { readFileSync } from 'node:fs';
import { CaldavTargetBodySchema } from '../../shared/contract/calendar-http';
import { credentialsInUrl, NEW_TARGET_NEEDS_PASSWORD, saveTarget } from '../calendar/caldav-target';
import { openHubStore } from '../store/open-hub-store';
import { UsageError, type CaldavOptions } from './hub-options';

/**
 * Sets a technician's CalDAV target from the command line, like the administrators' route: the
 * password comes from a file (never an argument: it would show in the process list and shell
 * history) and is never printed. A running hub pushes on its next look (within 30 s).
 */
export async function caldavCommand(options: CaldavOptions): Promise<void> {
  const password = options.passwordFile === undefined ? undefined : readPasswordFile(options.passwordFile);
  const parsed = CaldavTargetBodySchema.safeParse({ url: options.url, username: options.username, enabled: options.enabled, ...(password === undefined ? {} : { password }) });
  if (!parsed.success) throw new UsageError(`Invalid CalDAV target: ${parsed.error.issues.map((i) => `${optionOf(i.path)} ${i.message}`).join('; ')}.`);
  const problem = credentialsInUrl(parsed.data.url);
  if (problem) throw new UsageError(`Invalid CalDAV target: --url ${problem}.`);
  const store = await openHubStore(options.store);
  try {
    const saved = await store.transaction((tx) => saveTarget(tx, options.resource, parsed.data));
    if (saved === 'no-technician') throw new UsageError(`There is no technician with resource id "${options.resource}".`);
    if (saved === 'no-password') throw new UsageError(`Invalid CalDAV target: --password-file ${NEW_TARGET_NEEDS_PASSWORD}.`);
    process.stdout.write(`${JSON.stringify({ event: 'caldav-target', resource: options.resource, url: parsed.data.url, username: parsed.data.username, enabled: parsed.data.enabled })}\n`);
  } finally {
    await store.close();
  }
}

/** The file's first line, as a password manager or secret mount writes it. */
function readPasswordFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
  } catch (error) {
    throw new UsageError(`Cannot read --password-file ${file}: ${(error as Error).message}`);
  }
}

const OPTION_OF_FIELD = new Map([['url', '--url'], ['username', '--username'], ['password', '--password-file'], ['enabled', '--off']]);
const optionOf = (path: readonly PropertyKey[]) => OPTION_OF_FIELD.get(String(path[0])) ?? String(path[0]);
