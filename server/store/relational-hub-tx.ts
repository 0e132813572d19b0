import { randomBytes, randomUUID } from 'node:crypto';
import type { AttemptTaken } from '../auth/attempt-store';
import type { HubIdentity, Role } from '../../shared/contract/hub-http';
import { datasetEntities, type DemoDataset } from '../../shared/demo/seed-builder';
import type { AuditEntry, Booking } from '../../shared/domain/entities';
import { formatWorkOrderNumber, workOrderNumberValue } from '../../shared/domain/work-order-number';
import { refuse, type MutationEnv } from '../../shared/mutations/mutation-context';
import { entityKey, syncedEntitySchemas, type EntityName, type EntityRow, type RowChange } from '../../shared/sync/synced-entities';
import { entityTable, rowFromColumns } from '../../db-common/entity-tables';
import * as accounts from './account-queries';
import { changesAfter, commitChanges, PendingChanges, storedVersion } from './change-log';
import { deleteRow, insertRows, readAll, readRow, snapshotCells, writeRow } from './entity-store';
import type { ActiveSession, AppliedMutationRecord, CommitHook, HubTx, StoredSession, StoredUser } from './hub-store';
import { databaseErrorCode, type SqlExecutor } from './sql-executor';
import { createOverlapGuard, dropOverlapGuard, firstOverlap } from './sqlite-overlap-guard';

/**
 * HubTx over one connection of either engine, inside a transaction its store opened. Writes are
 * validated with the shared schemas before anything is written; change numbers are taken in
 * `finish`, right before the store commits (change-log.ts says why).
 */
export class RelationalHubTx implements HubTx {
  private readonly pending = new PendingChanges();
  private savepoints = 0;
  private announce = false;
  /** Row locks on reads: only PostgreSQL writers need them (SQLite has one writer). */
  private readonly lock: boolean;
  private readonly hooks: readonly CommitHook[];
  private bulkLoaded = false;

  constructor(
    private readonly ex: SqlExecutor,
    private readonly env: MutationEnv,
    options: { write: boolean; hooks?: readonly CommitHook[] },
  ) {
    this.hooks = options.hooks ?? [];
    this.lock = options.write && ex.dialect.name === 'postgres';
  }

  get sql(): SqlExecutor {
    return this.ex;
  }

  /** Takes change numbers for this transaction's writes; answers the newest, or undefined when nothing changed. */
  async finish(): Promise<number | undefined> {
    if (this.pending.size === 0) return this.announce ? this.latestChange() : undefined;
    const changed = this.pending.list().map(({ entity, id, deleted }) => ({ entity, id, deleted }));
    // Rows the hooks write themselves are numbered below with the rest. A bulk load (demo data,
    // a restore) is no news to anyone: no customer is mailed about it.
    if (!this.bulkLoaded) for (const hook of this.hooks) await hook(this, changed);
    return commitChanges(this.ex, this.pending.list());
  }

  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined> {
    if (this.pending.get(entity, id)?.deleted) return undefined;
    return readRow(this.ex, entity, id, this.lock);
  }

  async versionOf(entity: EntityName, id: string): Promise<number> {
    const pending = this.pending.get(entity, id);
    if (pending) return pending.deleted ? 0 : pending.version;
    return storedVersion(this.ex, entity, id, { liveOnly: true, lock: this.lock });
  }

  /** The version the next write of this row gets: one past its last, a tombstone's included. */
  private async nextVersion(entity: EntityName, id: string): Promise<number> {
    const pending = this.pending.get(entity, id);
    return (pending ? pending.version : await storedVersion(this.ex, entity, id, { liveOnly: false, lock: this.lock })) + 1;
  }

  async put<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<void> {
    const id = entityKey(entity, row);
    const version = await this.nextVersion(entity, id);
    const valid = validRow(entity, id, entityTable(entity).versionInRow ? { ...row, version } : row);
    if (entity === 'booking') await this.writeBooking(id, valid as Booking, version);
    else await writeRow(this.ex, entity, id, valid, version);
    this.pending.set({ entity, id, version, deleted: false });
  }

  /**
   * The database refuses overlapping active bookings (exclusion constraint / trigger). The
   * mutations check first; when two hub instances race past that check, the loser's write
   * fails here and becomes that mutation's double_booking refusal, not a server error.
   */
  private async writeBooking(id: string, booking: Booking, version: number): Promise<void> {
    const postgres = this.ex.dialect.name === 'postgres';
    if (postgres) await this.ex.run('SAVEPOINT booking_write');
    try {
      await writeRow(this.ex, 'booking', id, booking, version);
      if (postgres) await this.ex.run('RELEASE SAVEPOINT booking_write');
    } catch (error) {
      if (postgres) await this.ex.run('ROLLBACK TO SAVEPOINT booking_write');
      if (isOverlapViolation(error)) refuse('double_booking', 'The technician already has another booking at that time (it was made a moment ago elsewhere).');
      throw error;
    }
  }

  async remove(entity: EntityName, id: string): Promise<void> {
    const live = await this.versionOf(entity, id);
    if (live === 0) return;
    await deleteRow(this.ex, entity, id);
    this.pending.set({ entity, id, version: live + 1, deleted: true });
  }

  async list<E extends 'resource' | 'reasonCode' | 'incidentType'>(entity: E): Promise<EntityRow<E>[]> {
    return readAll(this.ex, entity);
  }

  /**
   * By end time from `start` in SQLite (few bookings are still running then, however long the
   * history), through the exclusion constraint's GiST index in PostgreSQL.
   */
  async activeBookingsBetween(start: number, end: number, resourceIds?: readonly string[]): Promise<Booking[]> {
    const { dialect } = this.ex;
    const which = resourceIds ? ` AND ${dialect.inList('resource_id', 3)}` : '';
    const overlaps =
      dialect.name === 'postgres'
        ? 'int8range(start_ms, end_ms) && int8range($2, $1)'
        : `start_ms < ? AND end_ms > ?`;
    const from = dialect.name === 'postgres' ? 'bookings' : `bookings INDEXED BY ${resourceIds ? 'bookings_by_resource_end' : 'bookings_by_end'}`;
    const rows = await this.ex.all<Record<string, unknown>>(
      `SELECT * FROM ${from} WHERE status <> 'canceled' AND ${overlaps}${which} ORDER BY start_ms, id`,
      [end, start, ...(resourceIds ? [dialect.keyList(resourceIds)] : [])],
    );
    return rows.map((r) => rowFromColumns(entityTable('booking'), r));
  }

  async sitesOf(workOrderIds: readonly string[]): Promise<Map<string, { lat: number; lng: number }>> {
    const rows = await this.ex.all<{ id: string; lat: number; lng: number }>(
      `SELECT w.id AS id, a.lat AS lat, a.lng AS lng FROM work_orders w JOIN accounts a ON a.id = w.account_id WHERE ${this.ex.dialect.inList('w.id', 1)}`,
      [this.ex.dialect.keyList(workOrderIds)],
    );
    return new Map(rows.map((r) => [r.id, { lat: r.lat, lng: r.lng }]));
  }

  /** From a sequence (PostgreSQL) or the counter row, which the SQLite writer holds (unique in both). */
  async nextWorkOrderNumber(): Promise<string> {
    const sql = this.ex.dialect.name === 'postgres' ? "SELECT nextval('work_order_number') AS n" : 'UPDATE work_order_counter SET latest = latest + 1 WHERE "only" = 1 RETURNING latest AS n';
    const [row] = await this.ex.all<{ n: number }>(sql);
    return formatWorkOrderNumber(Number(row!.n));
  }

  /** Numbers handed out later start above every number already in the store. */
  private async raiseWorkOrderCounter(atLeast: number): Promise<void> {
    if (atLeast <= 0) return;
    if (this.ex.dialect.name === 'postgres') {
      await this.ex.all("SELECT setval('work_order_number', GREATEST($1::bigint, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM work_order_number)))", [atLeast]);
    } else {
      await this.ex.run('UPDATE work_order_counter SET latest = MAX(latest, ?) WHERE "only" = 1', [atLeast]);
    }
  }

  async audit(entry: Omit<AuditEntry, 'id' | 'at' | 'actor'>): Promise<void> {
    await this.put('audit', { ...entry, id: randomUUID(), at: this.env.now, actor: this.env.actor });
  }

  async latestChange(): Promise<number> {
    const [row] = await this.ex.all<{ latest: number }>('SELECT latest FROM change_counter WHERE "only" = 1');
    return Number(row!.latest);
  }

  async identity(): Promise<HubIdentity> {
    const [row] = await this.ex.all<{ store_id: string; epoch: string }>('SELECT store_id, epoch FROM store_identity WHERE "only" = 1');
    return { storeId: row!.store_id, epoch: row!.epoch };
  }

  async startNewEpoch(): Promise<HubIdentity> {
    const p = this.ex.dialect.param;
    await this.ex.run(`UPDATE store_identity SET epoch = ${p(1)}, epoch_started_at = ${p(2)} WHERE "only" = 1`, [randomBytes(16).toString('hex'), Date.now()]);
    return this.identity();
  }

  async announceChange(): Promise<void> {
    this.announce = true;
  }

  async changesAfter(cursor: number, limit: number): Promise<RowChange[]> {
    return changesAfter(this.ex, cursor, limit);
  }

  snapshotCells(entity: EntityName, size: number): AsyncIterable<unknown[][]> {
    return snapshotCells(this.ex, entity, size);
  }

  async countRows(): Promise<number> {
    const [row] = await this.ex.all<{ n: number }>('SELECT COUNT(*) AS n FROM row_changes');
    return Number(row!.n);
  }

  async nested<T>(fn: () => Promise<{ keep: boolean; value: T }>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    const before = this.pending.snapshot();
    await this.ex.run(`SAVEPOINT ${name}`);
    try {
      const { keep, value } = await fn();
      if (!keep) await this.undo(name, before);
      return value;
    } catch (error) {
      await this.undo(name, before);
      throw error;
    } finally {
      await this.ex.run(`RELEASE SAVEPOINT ${name}`);
    }
  }

  private async undo(name: string, before: ReturnType<PendingChanges['snapshot']>): Promise<void> {
    await this.ex.run(`ROLLBACK TO SAVEPOINT ${name}`);
    this.pending.restore(before);
  }

  /**
   * Bulk load into a store that holds none of these rows yet: validated like `put`, version 1,
   * many rows to a statement.
   */
  async insertDataset(dataset: DemoDataset): Promise<void> {
    const sqlite = this.ex.dialect.name === 'sqlite';
    this.bulkLoaded = true;
    if (sqlite) await this.ex.exec(dropOverlapGuard);
    for (const [key, entity] of datasetEntities) {
      const rows = (dataset[key] as EntityRow<EntityName>[]).map((row) => {
        const id = entityKey(entity, row);
        const valid = validRow(entity, id, entityTable(entity).versionInRow ? { ...row, version: 1 } : row);
        return { key: id, row: valid, version: 1 };
      });
      await insertRows(this.ex, entity, rows);
      for (const r of rows) this.pending.set({ entity, id: r.key, version: 1, deleted: false });
    }
    // PostgreSQL plans by table statistics, which a bulk load leaves empty until autovacuum comes
    // round: every lookup would be a sequential scan meanwhile.
    if (!sqlite) await this.ex.exec('ANALYZE');
    if (sqlite) {
      await this.ex.exec(createOverlapGuard);
      const [overlap] = await this.ex.all<{ id: string }>(firstOverlap);
      if (overlap) refuse('double_booking', `Booking ${overlap.id} overlaps another active booking of its technician; nothing was loaded.`);
    }
    await this.raiseWorkOrderCounter(dataset.workOrders.reduce((highest, w) => Math.max(highest, workOrderNumberValue(w.number)), 0));
  }

  async findAppliedMutation(id: string): Promise<AppliedMutationRecord | undefined> {
    return accounts.findAppliedMutation(this.ex, id, this.lock);
  }
  async recordAppliedMutation(record: AppliedMutationRecord): Promise<void> {
    await accounts.recordAppliedMutation(this.ex, record);
  }
  async findUserByEmail(email: string): Promise<StoredUser | undefined> {
    return accounts.findUserByEmail(this.ex, email);
  }
  async insertUser(user: StoredUser): Promise<void> {
    await accounts.insertUser(this.ex, user);
  }
  async countUsersWithRole(role: Role): Promise<number> {
    return accounts.countUsersWithRole(this.ex, role);
  }
  async insertSession(session: StoredSession): Promise<void> {
    await accounts.insertSession(this.ex, session);
  }
  async findSession(tokenHash: string, now: number): Promise<ActiveSession | undefined> {
    return accounts.findSession(this.ex, tokenHash, now);
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await accounts.deleteSession(this.ex, tokenHash);
  }
  async takeAttempt(key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken> {
    return accounts.takeAttempt(this.ex, key, limit, windowMs, now);
  }
  async giveBackAttempt(key: string, at: number): Promise<void> {
    await accounts.giveBackAttempt(this.ex, key, at);
  }
  async clearAttempts(key: string): Promise<void> {
    await accounts.clearAttempts(this.ex, key);
  }
}

/** The row as its schema parses it; an invalid row throws before anything is written. */
function validRow<E extends EntityName>(entity: E, id: string, candidate: unknown): EntityRow<E> {
  const parsed = syncedEntitySchemas[entity].safeParse(candidate);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || entity}: ${i.message}`).join('; ');
    throw new Error(`Refusing to write an invalid ${entity} row ${id}: ${detail}`);
  }
  return parsed.data as EntityRow<E>;
}

function isOverlapViolation(error: unknown): boolean {
  const { code, constraint } = databaseErrorCode(error);
  if (code === '23P01' && constraint === 'bookings_no_overlap') return true;
  return error instanceof Error && error.message.includes('bookings_no_overlap');
}
