import type { HubMigration } from './migration';

/**
 * What notifications and calendar publishing keep at the hub, on both engines.
 *
 * - notifications: the synced, body-free view of mail_outbox rows written from this version on
 *   (kind, recipient, subject, delivery state and error), so consoles show what was sent.
 * - booking_notices: per booking, what the customer was last told (start, end, status) and the
 *   reminder's durable schedule. A change is announced when it differs from what was told, so
 *   the same state never mails twice; `reminder_sent_at` is set in the transaction that queues
 *   the reminder, so it goes out once across restarts and hub instances.
 * - calendar_events: per booking, the fingerprint of what its calendar event shows and the
 *   event's SEQUENCE, raised whenever the fingerprint changes (calendar clients then update
 *   the event instead of keeping the old one).
 * - calendar_feeds: one secret feed address per technician, stored as a SHA-256 hash; rotating
 *   replaces it.
 */
function ddl(t: { int: string }): string {
  return `
    CREATE TABLE notifications (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, work_order_id TEXT, related_entity TEXT, related_id TEXT,
      recipient TEXT NOT NULL, subject TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
      attempts ${t.int} NOT NULL, last_error TEXT, created_at ${t.int} NOT NULL, sent_at ${t.int}, resend_of TEXT, version ${t.int} NOT NULL);
    CREATE INDEX notifications_by_work_order ON notifications (work_order_id, created_at);
    CREATE TABLE booking_notices (
      booking_id TEXT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      told_start ${t.int} NOT NULL, told_end ${t.int} NOT NULL, told_status TEXT NOT NULL,
      reminder_due_at ${t.int}, reminder_sent_at ${t.int}, updated_at ${t.int} NOT NULL);
    CREATE INDEX booking_notices_reminder_due ON booking_notices (reminder_due_at);
    CREATE INDEX mail_outbox_by_related ON mail_outbox (related_id, created_at);
    CREATE TABLE calendar_events (
      booking_id TEXT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      fingerprint TEXT NOT NULL, sequence ${t.int} NOT NULL, updated_at ${t.int} NOT NULL);
    CREATE TABLE calendar_feeds (
      resource_id TEXT PRIMARY KEY REFERENCES resources (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      token_hash TEXT NOT NULL UNIQUE, created_at ${t.int} NOT NULL, created_by TEXT NOT NULL);
  `;
}

export const notificationsAndCalendars: HubMigration = {
  version: 7,
  name: 'notifications and calendars: synced notifications, what each customer was told, reminder schedule, calendar event sequences, feed tokens',
  sqlite: ddl({ int: 'INTEGER' }),
  postgres: ddl({ int: 'BIGINT' }),
};
