import type { HubMigration } from './migration';

/** Console users and their sessions. Only hashes are stored: scrypt for passwords, SHA-256 for tokens. */
export const usersAndSessions: HubMigration = {
  version: 2,
  name: 'users and sessions',
  sqlite: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('dispatcher', 'back_office', 'administrator')),
      password_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX sessions_by_user ON sessions (user_id);
  `,
};
