import { createInterface } from 'node:readline';

export const ADMIN_PASSWORD_ENV = 'DISPATCH_DESK_ADMIN_PASSWORD';

/**
 * The first administrator's password: from the environment (scripts, containers) or the first
 * line of stdin. There is no default: a well-known password on a system of record is a breach.
 */
export async function readAdminPassword(): Promise<string> {
  const fromEnv = process.env[ADMIN_PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password for the new administrator (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
