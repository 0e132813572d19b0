import type { HubMigration } from './migration';

/**
 * Who this store is: `store_id` never changes for the life of the data (a console that sees
 * another id is talking to another hub); `epoch` changes when the store is restored from a
 * backup, because change numbers after a restore repeat ones consoles have already seen.
 */
export const storeIdentity: HubMigration = {
  version: 3,
  name: 'store identity and epoch',
  sqlite: `
    CREATE TABLE store_identity (
      only INTEGER PRIMARY KEY CHECK (only = 1),
      store_id TEXT NOT NULL,
      epoch TEXT NOT NULL,
      epoch_started_at INTEGER NOT NULL
    );
    INSERT INTO store_identity (only, store_id, epoch, epoch_started_at)
      VALUES (1, lower(hex(randomblob(16))), lower(hex(randomblob(16))), CAST(unixepoch('subsec') * 1000 AS INTEGER));
  `,
};
