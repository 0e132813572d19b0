import type { Migration } from './migration';

/** The hub's e-mail notifications as consoles see them (synced; no bodies): what was sent, what waits, what failed and why. */
export const notifications: Migration = {
  version: 7,
  name: 'notifications',
  up(db) {
    db.exec(`
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, work_order_id TEXT, related_entity TEXT, related_id TEXT,
        recipient TEXT NOT NULL, subject TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT,
        created_at INTEGER NOT NULL, sent_at INTEGER, resend_of TEXT,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX notifications_by_work_order ON notifications (work_order_id, created_at);
      CREATE INDEX notifications_by_created ON notifications (created_at);
    `);
  },
};
