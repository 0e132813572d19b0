import type { HubMigration } from './migration';

/**
 * Comments on work orders (written once, never edited; synced to every console like the other
 * entities, so no version column: row_changes numbers them). Deleted with their work order.
 */
const commentsDdl = (int: string) => `
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    work_order_id TEXT NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    author TEXT NOT NULL, at ${int} NOT NULL, text TEXT NOT NULL);
  CREATE INDEX comments_by_work_order ON comments (work_order_id, at);
`;

export const workOrderComments: HubMigration = {
  version: 5,
  name: 'comments on work orders',
  sqlite: commentsDdl('INTEGER'),
  postgres: commentsDdl('BIGINT'),
};
