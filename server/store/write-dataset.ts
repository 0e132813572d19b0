import type Database from 'better-sqlite3';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { EntityName, EntityRow } from '../../shared/sync/synced-entities';
import { putRow } from './row-writes';

/** Referenced rows first, so a replica paging through the changes sees parents before children. */
const order: [keyof DemoDataset, EntityName][] = [
  ['territories', 'territory'],
  ['characteristics', 'characteristic'],
  ['incidentTypes', 'incidentType'],
  ['reasonCodes', 'reasonCode'],
  ['accounts', 'account'],
  ['contacts', 'contact'],
  ['assets', 'asset'],
  ['resources', 'resource'],
  ['workOrders', 'workOrder'],
  ['bookings', 'booking'],
  ['portalRequests', 'portalRequest'],
];

export function writeDataset(db: Database.Database, dataset: DemoDataset): void {
  for (const [key, entity] of order) {
    for (const row of dataset[key]) putRow(db, entity, row as EntityRow<typeof entity>);
  }
}
