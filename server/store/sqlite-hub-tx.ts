import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HubIdentity, Role } from '../../shared/contract/hub-http';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { AuditEntry, Booking } from '../../shared/domain/entities';
import type { MutationEnv } from '../../shared/mutations/mutation-context';
import type { EntityName, EntityRow, RowChange } from '../../shared/sync/synced-entities';
import * as accounts from './account-queries';
import type { ActiveSession, AppliedMutationRecord, HubTx, StoredSession, StoredUser } from './hub-store';
import * as reads from './row-reads';
import { putRow, removeRow } from './row-writes';
import { writeDataset } from './write-dataset';

/**
 * HubTx over one better-sqlite3 connection. Only used while the store's mutex is held and a
 * BEGIN IMMEDIATE is open; the store reads `changed` after commit to tell listeners.
 */
export class SqliteHubTx implements HubTx {
  changed = false;
  private savepoints = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly env: MutationEnv,
  ) {}

  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined> {
    return reads.getRow(this.db, entity, id);
  }
  async versionOf(entity: EntityName, id: string): Promise<number> {
    return reads.versionOfRow(this.db, entity, id);
  }
  async put<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<void> {
    putRow(this.db, entity, row);
    this.changed = true;
  }
  async remove(entity: EntityName, id: string): Promise<void> {
    removeRow(this.db, entity, id);
    this.changed = true;
  }
  async list<E extends 'resource' | 'reasonCode' | 'incidentType'>(entity: E): Promise<EntityRow<E>[]> {
    return reads.listRows(this.db, entity);
  }
  async activeBookingsBetween(start: number, end: number, resourceIds?: readonly string[]): Promise<Booking[]> {
    return reads.activeBookingsBetween(this.db, start, end, resourceIds);
  }
  async sitesOf(workOrderIds: readonly string[]): Promise<Map<string, { lat: number; lng: number }>> {
    return reads.sitesOf(this.db, workOrderIds);
  }
  async nextWorkOrderNumber(): Promise<string> {
    return reads.nextWorkOrderNumber(this.db);
  }
  async audit(entry: Omit<AuditEntry, 'id' | 'at' | 'actor'>): Promise<void> {
    await this.put('audit', { ...entry, id: randomUUID(), at: this.env.now, actor: this.env.actor });
  }
  async latestChange(): Promise<number> {
    return reads.latestChange(this.db);
  }
  async identity(): Promise<HubIdentity> {
    return reads.storeIdentity(this.db);
  }
  async changesAfter(cursor: number, limit: number): Promise<RowChange[]> {
    return reads.changesAfter(this.db, cursor, limit);
  }
  async countRows(): Promise<number> {
    return reads.countRows(this.db);
  }

  async nested<T>(fn: () => Promise<{ keep: boolean; value: T }>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    const changedBefore = this.changed;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const { keep, value } = await fn();
      if (!keep) this.undo(name, changedBefore);
      return value;
    } catch (error) {
      this.undo(name, changedBefore);
      throw error;
    } finally {
      this.db.exec(`RELEASE ${name}`);
    }
  }
  private undo(name: string, changedBefore: boolean): void {
    this.db.exec(`ROLLBACK TO ${name}`);
    this.changed = changedBefore;
  }

  async findAppliedMutation(id: string): Promise<AppliedMutationRecord | undefined> {
    return accounts.findAppliedMutation(this.db, id);
  }
  async recordAppliedMutation(record: AppliedMutationRecord): Promise<void> {
    accounts.recordAppliedMutation(this.db, record);
  }
  async insertDataset(dataset: DemoDataset): Promise<void> {
    writeDataset(this.db, dataset);
    this.changed = true;
  }
  async findUserByEmail(email: string): Promise<StoredUser | undefined> {
    return accounts.findUserByEmail(this.db, email);
  }
  async insertUser(user: StoredUser): Promise<void> {
    accounts.insertUser(this.db, user);
  }
  async countUsersWithRole(role: Role): Promise<number> {
    return accounts.countUsersWithRole(this.db, role);
  }
  async insertSession(session: StoredSession): Promise<void> {
    accounts.insertSession(this.db, session);
  }
  async findSession(tokenHash: string, now: number): Promise<ActiveSession | undefined> {
    return accounts.findSession(this.db, tokenHash, now);
  }
  async deleteSession(tokenHash: string): Promise<void> {
    accounts.deleteSession(this.db, tokenHash);
  }
}
