import type { HubMigration } from './migration';

/**
 * External sign-in with OpenID Connect, never synced to consoles.
 *
 * - portal_identities: an issuer's account (issuer, sub) linked to one portal profile; a
 *   profile has at most one link per issuer. The e-mail is what the id_token said when the link
 *   was made, only shown to the customer ("Linked to Acme SSO as …"), never used to find anyone.
 *   Migration 006 put two never-written columns (oidc_issuer, oidc_subject) on portal_profiles;
 *   SQLite cannot drop columns inside a UNIQUE constraint, so they stay, unused, on both engines;
 *   any values are carried here.
 * - portal_oidc_flows: one sign-in or link round trip through the issuer, kept here (not in a
 *   cookie) so any hub instance can finish it. Keyed by the SHA-256 of the random `state`;
 *   `browser_hash` binds it to the browser that started it (a Lax cookie), `session_hash` a link
 *   to the session that asked for it. Single use, expiring; PKCE verifier and nonce live here.
 */
function ddl(t: { int: string }): string {
  return `
    CREATE TABLE portal_identities (
      issuer TEXT NOT NULL, subject TEXT NOT NULL,
      contact_id TEXT NOT NULL REFERENCES portal_profiles (contact_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      email TEXT, linked_at ${t.int} NOT NULL,
      PRIMARY KEY (issuer, subject), UNIQUE (contact_id, issuer));
    INSERT INTO portal_identities (issuer, subject, contact_id, email, linked_at)
      SELECT oidc_issuer, oidc_subject, contact_id, NULL, updated_at FROM portal_profiles WHERE oidc_issuer IS NOT NULL AND oidc_subject IS NOT NULL;
    CREATE TABLE portal_oidc_flows (
      state_hash TEXT PRIMARY KEY, purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'link')),
      browser_hash TEXT NOT NULL, issuer TEXT NOT NULL, code_verifier TEXT NOT NULL, nonce TEXT NOT NULL,
      contact_id TEXT REFERENCES portal_profiles (contact_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      session_hash TEXT, attempt_json TEXT NOT NULL,
      created_at ${t.int} NOT NULL, expires_at ${t.int} NOT NULL,
      CHECK ((purpose = 'link') = (contact_id IS NOT NULL AND session_hash IS NOT NULL)));
    CREATE INDEX portal_oidc_flows_by_expiry ON portal_oidc_flows (expires_at);
  `;
}

export const portalOidc: HubMigration = {
  version: 10,
  name: 'portal external sign-in: linked OpenID Connect identities and sign-in flows',
  sqlite: ddl({ int: 'INTEGER' }),
  postgres: ddl({ int: 'BIGINT' }),
};
