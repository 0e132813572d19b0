import type { EntityRow, RowChange } from '../../../shared/sync/synced-entities';
import { deleteEntity, writeEntity } from './entity-rows';
import type { Replica } from './open-replica';

/**
 * Applies one validated change from a pull page: an upsert stamped with the hub's version and
 * change number, or a delete for a tombstone. `change.data` must already have passed
 * RowChangeSchema (the pull validates the whole page before applying any of it).
 */
export function applyRowChange(db: Replica, change: RowChange): void {
  if (change.deleted) deleteEntity(db, change.entity, change.id);
  else writeEntity(db, change.entity, change.data as EntityRow<typeof change.entity>, change.version, change.changeNumber);
}
