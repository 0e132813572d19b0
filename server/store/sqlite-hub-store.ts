import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AsyncMutex } from '../../db-common/async-mutex';
import type { MutationEnv } from '../../shared/mutations/mutation-context';
import type { CommitHook, HubReadTx, HubStore, HubTx } from './hub-store';
import { CommitHooks } from './commit-hooks';
import { migrate, refuseNewerStore } from './migrate';
import { RelationalHubTx } from './relational-hub-tx';
import { SqliteExecutor } from './sqlite-executor';
import { GroupCommitWriter } from './sqlite-group-commit';
import { LineageRecorder, lineageFile, reconcileLineage, type LineageCheck } from './store-lineage';

export const SQLITE_STORE_FILE = 'hub.sqlite';

/**
 * The default store: `<data>/hub.sqlite`. synchronous=FULL because the hub is the system of
 * record. Writes are serialized on the one write connection (with group commit) (the database's own
 * trigger refuses overlapping bookings as a second line); reads run on a second, read-only
 * connection, each on its own WAL snapshot, so pulls and sign-in checks never wait for writes.
 */
export class SqliteHubStore implements HubStore {
  readonly engine = 'sqlite';
  private readonly writer: GroupCommitWriter;
  private readonly readMutex = new AsyncMutex();
  private readonly listeners = new Set<(latest: number) => void>();
  private closed = false;
  private readonly hooks = new CommitHooks();
  private readonly lineage: LineageRecorder;

  private constructor(
    private readonly db: Database.Database,
    private readonly reader: Database.Database,
    private readonly file: string,
    /** What opening found: the identity, and whether the file had been restored from an older copy. */
    readonly opened: LineageCheck,
  ) {
    this.lineage = new LineageRecorder(lineageFile(file), opened.identity);
    this.writer = new GroupCommitWriter(db, (latest) => this.notify(latest));
  }

  static open(dataFolder: string): SqliteHubStore {
    mkdirSync(dataFolder, { recursive: true });
    const file = join(dataFolder, SQLITE_STORE_FILE);
    const db = new Database(file);
    let reader: Database.Database | undefined;
    try {
      refuseNewerStore(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, file);
      const opened = reconcileLineage(db, lineageFile(file));
      reader = new Database(file, { readonly: true, fileMustExist: true });
      reader.pragma('busy_timeout = 5000');
      return new SqliteHubStore(db, reader, file, opened);
    } catch (error) {
      reader?.close();
      db.close();
      throw error;
    }
  }

  /** Runs on the one write connection; transactions waiting together share a commit (sqlite-group-commit.ts). */
  async transaction<T>(fn: (tx: HubTx) => Promise<T>, env: MutationEnv = { actor: 'hub', now: Date.now() }): Promise<T> {
    if (this.closed) throw new Error('The hub store is closed.');
    let result!: T;
    await this.writer.run(async () => {
      const tx = new RelationalHubTx(new SqliteExecutor(this.db), env, { write: true, hooks: this.hooks.list });
      result = await fn(tx);
      return tx.finish();
    });
    return result;
  }

  read<T>(fn: (tx: HubReadTx) => Promise<T>): Promise<T> {
    return this.readMutex.run(async () => {
      if (!this.reader.open) throw new Error('The hub store is closed.');
      const tx = new RelationalHubTx(new SqliteExecutor(this.reader), { actor: 'hub', now: Date.now() }, { write: false });
      this.reader.exec('BEGIN');
      try {
        return await fn(tx);
      } finally {
        if (this.reader.inTransaction) this.reader.exec('COMMIT');
      }
    });
  }

  /** On a connection of its own, opened for this read: a snapshot of 300,000 rows keeps pulls waiting for nothing. */
  async readSnapshot<T>(fn: (tx: HubReadTx) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('The hub store is closed.');
    const connection = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      connection.pragma('busy_timeout = 5000');
      connection.exec('BEGIN');
      return await fn(new RelationalHubTx(new SqliteExecutor(connection), { actor: 'hub', now: Date.now() }, { write: false }));
    } finally {
      connection.close();
    }
  }

  addCommitHook(hook: CommitHook): () => void {
    return this.hooks.add(hook);
  }

  onChange(listener: (latest: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(latest: number): void {
    this.lineage.noteChange(latest);
    for (const listener of this.listeners) listener(latest);
  }

  /** Waits for the transactions already queued, then closes the file (later transactions fail). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.run(async () => undefined);
    await this.readMutex.run(async () => {
      this.listeners.clear();
      this.lineage.flush();
      this.reader.close();
      this.db.close();
    });
  }
}
