import type Database from 'better-sqlite3';
import type { Booking } from '../../shared/domain/entities';
import { entityKey, syncedEntitySchemas, type EntityName, type EntityRow } from '../../shared/sync/synced-entities';
import { statement } from './statement-cache';

/** Entities whose rows carry their own `version` field (optimistic concurrency in mutations). */
const versionedEntities = new Set<EntityName>(
  (Object.keys(syncedEntitySchemas) as EntityName[]).filter((entity) => {
    const schema = syncedEntitySchemas[entity] as unknown as { shape?: Record<string, unknown> };
    return !!schema.shape && 'version' in schema.shape;
  }),
);

/** Takes the next global change number; every write gets its own so pull can page by it. */
function nextChangeNumber(db: Database.Database): number {
  const row = statement(db, 'UPDATE change_counter SET latest = latest + 1 WHERE only = 1 RETURNING latest').get() as { latest: number };
  return row.latest;
}

function currentVersion(db: Database.Database, entity: EntityName, id: string): number {
  const row = statement(db, 'SELECT version FROM rows WHERE entity = ? AND id = ?').get(entity, id) as { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Validates and writes one row, bumping its version and stamping a new change number.
 * An invalid row throws before anything is written, so the transaction rolls back whole.
 */
export function putRow<E extends EntityName>(db: Database.Database, entity: E, row: EntityRow<E>): void {
  const id = entityKey(entity, row);
  const version = currentVersion(db, entity, id) + 1;
  const candidate = versionedEntities.has(entity) ? { ...row, version } : row;
  const parsed = syncedEntitySchemas[entity].safeParse(candidate);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || entity}: ${i.message}`).join('; ');
    throw new Error(`Refusing to write an invalid ${entity} row ${id}: ${detail}`);
  }
  const changeNumber = nextChangeNumber(db);
  statement(
    db,
    `INSERT INTO rows (entity, id, version, change_number, deleted, data) VALUES (?, ?, ?, ?, 0, ?)
     ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, change_number = excluded.change_number, deleted = 0, data = excluded.data`,
  ).run(entity, id, version, changeNumber, JSON.stringify(parsed.data));
  if (entity === 'booking') writeBookingSlot(db, parsed.data as Booking);
}

/** Keeps the overlap index in step with the booking row (canceled bookings free their slot). */
function writeBookingSlot(db: Database.Database, booking: Booking): void {
  statement(
    db,
    `INSERT INTO booking_slots (booking_id, resource_id, start_ms, end_ms, active) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (booking_id) DO UPDATE SET resource_id = excluded.resource_id, start_ms = excluded.start_ms, end_ms = excluded.end_ms, active = excluded.active`,
  ).run(booking.id, booking.resourceId, booking.start, booking.end, booking.status === 'canceled' ? 0 : 1);
}

/** Deletes leave a tombstone so replicas learn about them on their next pull. */
export function removeRow(db: Database.Database, entity: EntityName, id: string): void {
  const version = currentVersion(db, entity, id);
  if (version === 0) return;
  const changeNumber = nextChangeNumber(db);
  statement(db, 'UPDATE rows SET version = ?, change_number = ?, deleted = 1, data = NULL WHERE entity = ? AND id = ?').run(version + 1, changeNumber, entity, id);
  if (entity === 'booking') statement(db, 'DELETE FROM booking_slots WHERE booking_id = ?').run(id);
}
