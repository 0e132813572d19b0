import type Database from 'better-sqlite3';
import type { HubIdentity } from '../../shared/contract/hub-http';
import type { Booking } from '../../shared/domain/entities';
import type { EntityName, EntityRow, RowChange } from '../../shared/sync/synced-entities';
import { statement } from './statement-cache';

export function getRow<E extends EntityName>(db: Database.Database, entity: E, id: string): EntityRow<E> | undefined {
  const row = statement(db, 'SELECT data FROM rows WHERE entity = ? AND id = ? AND deleted = 0').get(entity, id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as EntityRow<E>) : undefined;
}

export function versionOfRow(db: Database.Database, entity: EntityName, id: string): number {
  const row = statement(db, 'SELECT version FROM rows WHERE entity = ? AND id = ? AND deleted = 0').get(entity, id) as { version: number } | undefined;
  return row?.version ?? 0;
}

export function listRows<E extends EntityName>(db: Database.Database, entity: E): EntityRow<E>[] {
  const rows = statement(db, 'SELECT data FROM rows WHERE entity = ? AND deleted = 0 ORDER BY id').all(entity) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as EntityRow<E>);
}

/** Overlap query on the booking_slots index; resource ids travel as one JSON parameter. */
export function activeBookingsBetween(db: Database.Database, start: number, end: number, resourceIds?: readonly string[]): Booking[] {
  const base = `SELECT r.data FROM booking_slots s JOIN rows r ON r.entity = 'booking' AND r.id = s.booking_id
                WHERE s.active = 1 AND s.start_ms < ? AND s.end_ms > ?`;
  const rows = resourceIds
    ? statement(db, `${base} AND s.resource_id IN (SELECT value FROM json_each(?)) ORDER BY s.start_ms`).all(end, start, JSON.stringify(resourceIds))
    : statement(db, `${base} ORDER BY s.start_ms`).all(end, start);
  return (rows as { data: string }[]).map((r) => JSON.parse(r.data) as Booking);
}

export function sitesOf(db: Database.Database, workOrderIds: readonly string[]): Map<string, { lat: number; lng: number }> {
  const rows = statement(
    db,
    `SELECT w.id AS id, json_extract(a.data, '$.lat') AS lat, json_extract(a.data, '$.lng') AS lng
     FROM rows w JOIN rows a ON a.entity = 'account' AND a.id = json_extract(w.data, '$.accountId')
     WHERE w.entity = 'workOrder' AND w.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(workOrderIds)) as { id: string; lat: number; lng: number }[];
  return new Map(rows.map((r) => [r.id, { lat: r.lat, lng: r.lng }]));
}

/** 'WO-' + the highest existing number + 1, zero-padded to five digits. */
export function nextWorkOrderNumber(db: Database.Database): string {
  const row = statement(
    db,
    `SELECT MAX(CAST(substr(json_extract(data, '$.number'), 4) AS INTEGER)) AS highest FROM rows WHERE entity = 'workOrder'`,
  ).get() as { highest: number | null };
  return `WO-${String((row.highest ?? 0) + 1).padStart(5, '0')}`;
}

export function latestChange(db: Database.Database): number {
  return (statement(db, 'SELECT latest FROM change_counter WHERE only = 1').get() as { latest: number }).latest;
}

export function storeIdentity(db: Database.Database): HubIdentity {
  return statement(db, 'SELECT store_id AS storeId, epoch FROM store_identity WHERE only = 1').get() as HubIdentity;
}

interface StoredRow {
  entity: EntityName;
  id: string;
  version: number;
  change_number: number;
  deleted: number;
  data: string | null;
}

export function changesAfter(db: Database.Database, cursor: number, limit: number): RowChange[] {
  const rows = statement(db, 'SELECT entity, id, version, change_number, deleted, data FROM rows WHERE change_number > ? ORDER BY change_number LIMIT ?').all(
    cursor,
    limit,
  ) as StoredRow[];
  return rows.map((r) => ({
    entity: r.entity,
    id: r.id,
    version: r.version,
    changeNumber: r.change_number,
    deleted: r.deleted === 1,
    data: r.deleted === 1 || r.data === null ? null : JSON.parse(r.data),
  }));
}

export function countRows(db: Database.Database): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM rows').get() as { n: number }).n;
}
