import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../store/migrate';
import { hubMigrations } from '../store/migrations/index';
import { lineageFile, recordLineage, startNewEpoch } from '../store/store-lineage';
import type { RestoreOptions } from './hub-options';
import { UsageError } from './hub-options';

/**
 * Puts a backup in place of the store (run it with the hub stopped). The store it replaces is
 * kept beside it, never deleted. The restored store starts a new epoch: consoles see it on their
 * next pull and download everything again, keeping the changes they had not sent yet.
 */
export async function restoreCommand(options: RestoreOptions): Promise<void> {
  const backup = resolve(options.from);
  checkBackup(backup);
  mkdirSync(options.data, { recursive: true });
  const file = join(options.data, 'hub.sqlite');
  const keptAs = existsSync(file) ? setAside(file) : null;
  copyFileSync(backup, file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, file);
    startNewEpoch(db);
    const identity = recordLineage(db, lineageFile(file));
    process.stdout.write(`${JSON.stringify({ event: 'store-restored', from: backup, previousStoreKeptAs: keptAs, epoch: identity.epoch })}\n`);
  } finally {
    db.close();
  }
}

function checkBackup(backup: string): void {
  if (!existsSync(backup)) throw new UsageError(`${backup} does not exist.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(backup, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > hubMigrations.length) throw new UsageError(`${backup} was written by a newer hub (schema ${version}); upgrade this hub first.`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new UsageError(`${backup} is damaged (integrity check: ${String(integrity)}); nothing was restored.`);
    // `rows` up to schema 3, `row_changes` from the relational schema (4) on.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name IN ('rows', 'row_changes')").get()) throw new UsageError(`${backup} is not a Dispatch Desk hub store.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${backup} is not a readable SQLite hub store (${error instanceof Error ? error.message : String(error)}); nothing was restored.`);
  } finally {
    db?.close();
  }
}

/** Folds the WAL into the current store and renames it, so nothing it held is lost. */
function setAside(file: string): string {
  const current = new Database(file);
  try {
    current.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    current.close();
  }
  const keptAs = `${file}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, keptAs);
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  return keptAs;
}
