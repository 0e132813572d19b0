import { datasetEntities, type DemoDataset } from '../../../../shared/demo/seed-builder';
import type { EntityName, EntityRow } from '../../../../shared/sync/synced-entities';
import { writeEntity } from '../entity-rows';
import type { Replica } from '../open-replica';
import { withSearchIndexSuspended } from '../search-index';

/**
 * Writes a complete data set (the demo company) in one transaction through the same row writers
 * sync uses: either every row is there or none is. Local rows are version 1 with no hub change.
 */
export function insertDataset(db: Replica, data: DemoDataset): void {
  db.transaction(() =>
    withSearchIndexSuspended(db, () => {
      for (const [key, entity] of datasetEntities) {
        for (const row of data[key]) writeEntity(db, entity, row as EntityRow<EntityName>, 1, 0);
      }
    }),
  )();
}
