import type { HubMigration } from './migration';

/**
 * What the customer portal, e-mail delivery and the technician API keep at the hub, on both
 * engines. Synced to consoles: `portal_settings` only (an entity table with a version). Never
 * synced: password hashes, code hashes, sessions, tokens, the mail outbox, location pings.
 *
 * - portal_profiles: one per contact who redeemed an invitation; `email_key` is the lowercased
 *   sign-in e-mail (unique), so case never splits one customer in two.
 * - portal_codes: invitation and password-reset codes, SHA-256 hashed, single use (used_at),
 *   expiring; a contact's deletion takes its codes and profile with it.
 * - invited_emails: every e-mail ever invited, kept when the contact is deleted, so a contact
 *   added again gets no automatic second invitation.
 * - mail_outbox: written in the same transaction as the change it reports; `claim_token` and
 *   `claim_expires_at` let one hub instance at a time deliver a row (a crashed claimant's lease
 *   runs out and another takes the row over).
 */
function ddl(t: { int: string; real: string; identity: string }): string {
  return `
    CREATE TABLE portal_settings (id TEXT PRIMARY KEY CHECK (id = 'portal'), settings_json TEXT NOT NULL, version ${t.int} NOT NULL);
    CREATE TABLE portal_profiles (
      contact_id TEXT PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      email_key TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, language TEXT NOT NULL CHECK (language IN ('en', 'es', 'ar')),
      oidc_issuer TEXT, oidc_subject TEXT, created_at ${t.int} NOT NULL, updated_at ${t.int} NOT NULL,
      UNIQUE (oidc_issuer, oidc_subject));
    CREATE TABLE portal_codes (
      code_hash TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('invitation', 'reset')),
      contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      invitation_id TEXT, email_key TEXT NOT NULL,
      created_at ${t.int} NOT NULL, expires_at ${t.int} NOT NULL, used_at ${t.int});
    CREATE INDEX portal_codes_by_contact ON portal_codes (contact_id, kind);
    CREATE INDEX portal_codes_by_invitation ON portal_codes (invitation_id);
    CREATE TABLE invited_emails (email_key TEXT PRIMARY KEY, first_invited_at ${t.int} NOT NULL);
    CREATE TABLE portal_sessions (
      token_hash TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL REFERENCES portal_profiles (contact_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      created_at ${t.int} NOT NULL, expires_at ${t.int} NOT NULL);
    CREATE INDEX portal_sessions_by_contact ON portal_sessions (contact_id);
    CREATE TABLE portal_feedback (
      booking_id TEXT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      contact_id TEXT NOT NULL, rating ${t.int} NOT NULL CHECK (rating BETWEEN 1 AND 5), comment TEXT NOT NULL, created_at ${t.int} NOT NULL);
    CREATE TABLE mail_outbox (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, recipient TEXT NOT NULL, subject TEXT NOT NULL,
      text_body TEXT NOT NULL, html_body TEXT NOT NULL, attachments_json TEXT NOT NULL,
      message_id TEXT NOT NULL, related_entity TEXT, related_id TEXT,
      state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
      attempts ${t.int} NOT NULL, next_attempt_at ${t.int} NOT NULL,
      claim_token TEXT, claim_expires_at ${t.int}, last_error TEXT,
      created_at ${t.int} NOT NULL, sent_at ${t.int});
    CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
    CREATE TABLE technician_tokens (
      token_hash TEXT PRIMARY KEY,
      resource_id TEXT NOT NULL REFERENCES resources (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      created_at ${t.int} NOT NULL, created_by TEXT NOT NULL, revoked_at ${t.int});
    CREATE INDEX technician_tokens_by_resource ON technician_tokens (resource_id);
    CREATE TABLE location_pings (
      id ${t.identity} PRIMARY KEY,
      resource_id TEXT NOT NULL REFERENCES resources (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      lat ${t.real} NOT NULL, lng ${t.real} NOT NULL, accuracy_meters ${t.real},
      at ${t.int} NOT NULL, received_at ${t.int} NOT NULL);
    CREATE INDEX location_pings_by_resource ON location_pings (resource_id, received_at);
  `;
}

export const portal: HubMigration = {
  version: 5,
  name: 'customer portal: settings, profiles, codes, sessions, feedback, mail outbox, technician tokens and pings',
  sqlite: ddl({ int: 'INTEGER', real: 'REAL', identity: 'INTEGER' }),
  postgres: ddl({ int: 'BIGINT', real: 'DOUBLE PRECISION', identity: 'BIGINT GENERATED ALWAYS AS IDENTITY' }),
};
