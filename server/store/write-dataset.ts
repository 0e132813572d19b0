import type Database from 'better-sqlite3';
import { datasetEntities, type DemoDataset } from '../../shared/demo/seed-builder';
import type { EntityName, EntityRow } from '../../shared/sync/synced-entities';
import { putRow } from './row-writes';

export function writeDataset(db: Database.Database, dataset: DemoDataset): void {
  for (const [key, entity] of datasetEntities) {
    for (const row of dataset[key]) putRow(db, entity, row as EntityRow<EntityName>);
  }
}
