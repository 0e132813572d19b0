import type Database from 'better-sqlite3';

/** One logical transaction: runs inside a savepoint of a shared SQLite transaction; answers the newest change it made, if any. */
export type GroupJob = () => Promise<number | undefined>;

interface Queued {
  job: GroupJob;
  settle: (outcome: { ok: true; latest: number | undefined } | { ok: false; error: unknown }) => void;
}

/** At most this many logical transactions share one commit. */
const MAX_GROUP = 64;

let savepoints = 0;

/**
 * Group commit for the SQLite store's one writer. With synchronous=FULL every COMMIT waits for
 * the disk (a few ms), so one commit per push caps a hub at a few hundred pushes a second and
 * queues the rest. Here the transactions that are waiting when one starts (and those that arrive
 * before it commits) run one after another in ONE SQLite transaction, each inside its own
 * savepoint: a transaction that throws is rolled back alone, the others keep their writes, and
 * every one of them is answered only after the shared COMMIT is on disk — so each is still
 * atomic and durable when its caller hears of it.
 */
export class GroupCommitWriter {
  private readonly queue: Queued[] = [];
  private draining = false;

  constructor(
    private readonly db: Database.Database,
    /** Called after each commit with the newest change number written in it. */
    private readonly committed: (latest: number) => void,
  ) {}

  run(job: GroupJob): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, settle: (outcome) => (outcome.ok ? resolve() : reject(outcome.error)) });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.group();
    } finally {
      this.draining = false;
    }
  }

  private async group(): Promise<void> {
    const done: { item: Queued; latest: number | undefined }[] = [];
    const failed: { item: Queued; error: unknown }[] = [];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      while (done.length + failed.length < MAX_GROUP) {
        const item = this.queue.shift();
        if (!item) {
          // Let requests already read from their sockets join this commit before it waits for the disk.
          await new Promise((resolve) => setImmediate(resolve));
          if (this.queue.length === 0) break;
          continue;
        }
        const name = `g${++savepoints}`;
        this.db.exec(`SAVEPOINT ${name}`);
        try {
          const latest = await item.job();
          this.db.exec(`RELEASE ${name}`);
          done.push({ item, latest });
        } catch (error) {
          // SQLite ended the whole transaction (disk full, I/O error): nobody in this group committed.
          if (!this.db.inTransaction) throw error;
          this.db.exec(`ROLLBACK TO ${name}`);
          this.db.exec(`RELEASE ${name}`);
          failed.push({ item, error });
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const { item } of done) item.settle({ ok: false, error });
      for (const { item, error: own } of failed) item.settle({ ok: false, error: own });
      return;
    }
    const latest = done.reduce<number | undefined>((newest, d) => (d.latest === undefined ? newest : Math.max(newest ?? 0, d.latest)), undefined);
    if (latest !== undefined) this.committed(latest);
    for (const { item, latest: own } of done) item.settle({ ok: true, latest: own });
    for (const { item, error } of failed) item.settle({ ok: false, error });
  }
}
