import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupOptions } from './hub-options';
import { UsageError } from './hub-options';

/**
 * An online, consistent copy of the store (SQLite's backup API), safe while the hub runs.
 * Restoring it later with `hub restore` starts a new epoch, so consoles start over.
 */
export async function backupCommand(options: BackupOptions): Promise<void> {
  const source = join(options.data, 'hub.sqlite');
  if (!existsSync(source)) throw new UsageError(`There is no hub store in ${options.data} (no hub.sqlite) to back up.`);
  const target = resolve(options.to);
  if (existsSync(target)) throw new UsageError(`${options.to} already exists; choose a new file name so no backup is overwritten.`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  process.stdout.write(`${JSON.stringify({ event: 'backup-written', file: target })}\n`);
}
