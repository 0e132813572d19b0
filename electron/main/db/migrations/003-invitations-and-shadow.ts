import type { Migration } from './migration';

/**
 * Invitations (synced, like the other entities); the `shadow` of rows pending local mutations
 * touched (their last SERVER state, `data` NULL when the row did not exist there), restored
 * before every pull so optimistic changes never mix with the hub's; the refusal code of
 * refused mutations; and the hub session (token and user) beside the pull cursor.
 */
export const invitationsAndShadow: Migration = {
  version: 3,
  name: 'invitations, shadow rows and hub session',
  up(db) {
    db.exec(`
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY, contact_id TEXT NOT NULL REFERENCES contacts(id),
        email TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
        issued_by TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'redeemed', 'revoked')),
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE shadow (
        entity TEXT NOT NULL, id TEXT NOT NULL, data TEXT,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity, id));
      ALTER TABLE outbox ADD COLUMN refusal_code TEXT;
      ALTER TABLE sync_state ADD COLUMN auth_token TEXT;
      ALTER TABLE sync_state ADD COLUMN user_json TEXT;
    `);
  },
};
