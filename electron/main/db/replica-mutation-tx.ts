import { randomUUID } from 'node:crypto';
import type { AuditEntry, Booking } from '../../../shared/domain/entities';
import { formatWorkOrderNumber } from '../../../shared/domain/work-order-number';
import type { MutationTx } from '../../../shared/mutations/mutation-context';
import { entityKey, type EntityName, type EntityRow } from '../../../shared/sync/synced-entities';
import { bookingFromSql, deleteEntity, readEntity, reasonCodeFromSql, rowStamp, writeEntity } from './entity-rows';
import type { Replica } from './open-replica';
import { prepareCached } from '../../../db-common/sqlite-statement-cache';

export interface ReplicaTxOptions {
  actor: string;
  now: () => number;
  /**
   * Keep the server state of every row this transaction writes in `shadow` (first write only),
   * so the next pull can put it back before applying the hub's changes. Off in demo mode.
   */
  shadow: boolean;
}

/**
 * The shared mutations' transaction over the replica. Must run inside a write transaction
 * (withWriteTransaction); every method is synchronous underneath.
 */
export class ReplicaMutationTx implements MutationTx {
  /** Entities written, for the 'data-changed' event. */
  readonly touched = new Set<EntityName>();

  constructor(
    private readonly db: Replica,
    private readonly options: ReplicaTxOptions,
  ) {}

  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined> {
    return readEntity(this.db, entity, id);
  }

  async versionOf(entity: EntityName, id: string): Promise<number> {
    return rowStamp(this.db, entity, id)?.version ?? 0;
  }

  async put<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<void> {
    const id = entityKey(entity, row);
    const stamp = rowStamp(this.db, entity, id);
    this.saveShadow(entity, id, stamp);
    writeEntity(this.db, entity, row, (stamp?.version ?? 0) + 1, 0);
    this.touched.add(entity);
  }

  async remove(entity: EntityName, id: string): Promise<void> {
    const stamp = rowStamp(this.db, entity, id);
    if (!stamp) return;
    this.saveShadow(entity, id, stamp);
    deleteEntity(this.db, entity, id);
    this.touched.add(entity);
  }

  async list<E extends 'resource' | 'reasonCode' | 'incidentType'>(entity: E): Promise<EntityRow<E>[]> {
    if (entity === 'reasonCode') {
      return prepareCached(this.db, 'SELECT * FROM cancellation_reason_codes ORDER BY code').all().map((r) => reasonCodeFromSql(r as Record<string, unknown>)) as EntityRow<E>[];
    }
    const table = entity === 'resource' ? 'resources' : 'incident_types';
    const ids = prepareCached(this.db, `SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
    return ids.map((id) => readEntity(this.db, entity, id)).filter((r): r is EntityRow<E> => r !== undefined);
  }

  async activeBookingsBetween(start: number, end: number, resourceIds?: readonly string[]): Promise<Booking[]> {
    const wanted = resourceIds ? JSON.stringify(resourceIds) : null;
    const rows = prepareCached(
      this.db,
      `SELECT * FROM bookings WHERE status <> 'canceled' AND start_ms < @end AND end_ms > @start
         AND (@wanted IS NULL OR resource_id IN (SELECT value FROM json_each(@wanted))) ORDER BY start_ms, id`,
    ).all({ start, end, wanted }) as Record<string, unknown>[];
    return rows.map(bookingFromSql);
  }

  async sitesOf(workOrderIds: readonly string[]): Promise<Map<string, { lat: number; lng: number }>> {
    const sites = new Map<string, { lat: number; lng: number }>();
    const query = prepareCached(this.db, 'SELECT a.lat, a.lng FROM work_orders w JOIN accounts a ON a.id = w.account_id WHERE w.id = ?');
    for (const id of new Set(workOrderIds)) {
      const site = query.get(id) as { lat: number; lng: number } | undefined;
      if (site) sites.set(id, site);
    }
    return sites;
  }

  /** Provisional: the hub's number replaces it when the created work order comes back in a pull. */
  async nextWorkOrderNumber(): Promise<string> {
    const max = prepareCached(this.db, "SELECT MAX(CAST(SUBSTR(number, 4) AS INTEGER)) FROM work_orders WHERE number LIKE 'WO-%'")
      .pluck()
      .get() as number | null;
    return formatWorkOrderNumber((max ?? 0) + 1);
  }

  async audit(entry: Omit<AuditEntry, 'id' | 'at' | 'actor'>): Promise<void> {
    const row: AuditEntry = { ...entry, id: randomUUID(), at: this.options.now(), actor: this.options.actor };
    this.saveShadow('audit', row.id);
    writeEntity(this.db, 'audit', row, 0, 0);
    this.touched.add('audit');
  }

  private saveShadow(entity: EntityName, id: string, stamp = rowStamp(this.db, entity, id)): void {
    if (!this.options.shadow) return;
    if (prepareCached(this.db, 'SELECT 1 FROM shadow WHERE entity = ? AND id = ?').get(entity, id)) return;
    const data = stamp ? JSON.stringify(readEntity(this.db, entity, id)) : null;
    prepareCached(this.db, 'INSERT INTO shadow (entity, id, data, version, change_number) VALUES (?, ?, ?, ?, ?)')
      .run(entity, id, data, stamp?.version ?? 0, stamp?.changeNumber ?? 0);
  }
}

/**
 * Puts every shadowed row back to its server state (deleting rows the server never had) and
 * empties the shadow. Returns the entities it touched.
 */
export function restoreShadow(db: Replica): Set<EntityName> {
  const rows = prepareCached(db, 'SELECT entity, id, data, version, change_number AS changeNumber FROM shadow ORDER BY rowid DESC').all() as {
    entity: EntityName;
    id: string;
    data: string | null;
    version: number;
    changeNumber: number;
  }[];
  const touched = new Set<EntityName>();
  // Deletes first, children before parents (reverse of creation), then restores.
  for (const row of rows) if (row.data === null) deleteEntity(db, row.entity, row.id);
  for (const row of rows) {
    if (row.data !== null) writeEntity(db, row.entity, JSON.parse(row.data) as never, row.version, row.changeNumber);
    touched.add(row.entity);
  }
  prepareCached(db, 'DELETE FROM shadow').run();
  return touched;
}
