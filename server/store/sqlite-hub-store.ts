import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MutationEnv } from '../../shared/mutations/mutation-context';
import { AsyncMutex } from './async-mutex';
import type { HubStore, HubTx } from './hub-store';
import { migrate, refuseNewerStore } from './migrate';
import { latestChange } from './row-reads';
import { SqliteHubTx } from './sqlite-hub-tx';
import { LineageRecorder, lineageFile, reconcileLineage, type LineageCheck } from './store-lineage';

/**
 * The default store: `<data>/hub.sqlite`. synchronous=FULL because the hub is the system of
 * record; transactions are serialized by a mutex so a mutation's overlap check and its write
 * can never interleave with another push (no technician is ever double-booked).
 */
export class SqliteHubStore implements HubStore {
  private readonly mutex = new AsyncMutex();
  private readonly listeners = new Set<(latest: number) => void>();
  private closed = false;

  private readonly lineage: LineageRecorder;

  private constructor(
    private readonly db: Database.Database,
    file: string,
    /** What opening found: the identity, and whether the file had been restored from an older copy. */
    readonly opened: LineageCheck,
  ) {
    this.lineage = new LineageRecorder(lineageFile(file), opened.identity);
  }

  static open(dataFolder: string): SqliteHubStore {
    mkdirSync(dataFolder, { recursive: true });
    const file = join(dataFolder, 'hub.sqlite');
    const db = new Database(file);
    try {
      refuseNewerStore(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, file);
      return new SqliteHubStore(db, file, reconcileLineage(db, lineageFile(file)));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  transaction<T>(fn: (tx: HubTx) => Promise<T>, env: MutationEnv = { actor: 'hub', now: Date.now() }): Promise<T> {
    return this.mutex.run(async () => {
      if (this.closed) throw new Error('The hub store is closed.');
      const tx = new SqliteHubTx(this.db, env);
      this.db.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await fn(tx);
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
      if (tx.changed) this.notify(latestChange(this.db));
      return result;
    });
  }

  onChange(listener: (latest: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(latest: number): void {
    this.lineage.noteChange(latest);
    for (const listener of this.listeners) listener(latest);
  }

  /** Waits for the running transaction, then closes the file (later transactions fail). */
  close(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.listeners.clear();
      this.lineage.flush();
      this.db.close();
    });
  }
}
