import type { Migration } from './migration';

/** The portal settings row (synced from the hub; administrators edit it through savePortalSettings). */
export const portalSettings: Migration = {
  version: 5,
  name: 'portal settings',
  up(db) {
    db.exec(`
      CREATE TABLE portal_settings (
        id TEXT PRIMARY KEY CHECK (id = 'portal'), settings_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
    `);
  },
};
