import pg from 'pg';
import type { HubIdentity } from '../../shared/contract/hub-http';
import type { MutationEnv } from '../../shared/mutations/mutation-context';
import type { CommitHook, HubReadTx, HubStore, HubTx } from './hub-store';
import { CommitHooks } from './commit-hooks';
import { migratePostgres } from './postgres-migrate';
import { PostgresExecutor } from './postgres-executor';
import { RelationalHubTx } from './relational-hub-tx';
import { databaseErrorCode } from './sql-executor';
import { ChangeListener, CHANGE_CHANNEL } from './postgres-change-listener';

/** int8 (BIGINT) arrives as a string by default; every BIGINT here is epoch ms or a counter, far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** Deadlocks and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

export interface PostgresStoreOptions {
  /** Connections this hub instance keeps (default 10). */
  poolSize?: number;
}

/**
 * The store for several hub instances on one PostgreSQL database. Each transaction runs on a
 * pooled connection at READ COMMITTED; rows a writer reads are locked (FOR UPDATE), the
 * database's constraints keep the invariants, and change numbers are taken in commit order
 * (change-log.ts). Reads run at REPEATABLE READ, one snapshot per pull page. Commits announce
 * their newest change with NOTIFY, which every instance hears through its LISTEN connection.
 */
export class PostgresHubStore implements HubStore {
  readonly engine = 'postgres';
  private closed = false;
  private readonly hooks = new CommitHooks();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly listener: ChangeListener,
    readonly opened: { identity: HubIdentity },
  ) {}

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresHubStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
    // An idle connection the server dropped must not crash the hub; the pool replaces it.
    pool.on('error', () => undefined);
    try {
      await migratePostgres(pool);
      const identity = (await pool.query<{ store_id: string; epoch: string }>('SELECT store_id, epoch FROM store_identity WHERE "only" = 1')).rows[0]!;
      const listener = new ChangeListener(url, async () => Number((await pool.query<{ latest: number }>('SELECT latest FROM change_counter WHERE "only" = 1')).rows[0]!.latest));
      await listener.start();
      return new PostgresHubStore(pool, listener, { identity: { storeId: identity.store_id, epoch: identity.epoch } });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  async transaction<T>(fn: (tx: HubTx) => Promise<T>, env: MutationEnv = { actor: 'hub', now: Date.now() }): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(fn, env);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(databaseErrorCode(error).code ?? '')) throw error;
      }
    }
  }

  private once<T>(fn: (tx: HubTx) => Promise<T>, env: MutationEnv): Promise<T> {
    return this.inTransaction('BEGIN', async (client) => {
      const tx = new RelationalHubTx(new PostgresExecutor(client), env, { write: true, hooks: this.hooks.list });
      const result = await fn(tx);
      const latest = await tx.finish();
      // Delivered at commit, to every instance listening (this one included).
      if (latest !== undefined) await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, String(latest)]);
      return result;
    });
  }

  read<T>(fn: (tx: HubReadTx) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (client) =>
      fn(new RelationalHubTx(new PostgresExecutor(client), { actor: 'hub', now: Date.now() }, { write: false })),
    );
  }

  readSnapshot<T>(fn: (tx: HubReadTx) => Promise<T>): Promise<T> {
    return this.read(fn);
  }

  /** Runs `work` between `begin` and COMMIT on a pooled connection; rolled back when it throws. */
  private async inTransaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('The hub store is closed.');
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  addCommitHook(hook: CommitHook): () => void {
    return this.hooks.add(hook);
  }

  onChange(listener: (latest: number) => void): () => void {
    return this.listener.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener.stop();
    await this.pool.end();
  }
}
