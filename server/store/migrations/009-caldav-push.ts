import type { HubMigration } from './migration';

/**
 * What CalDAV push keeps at the hub, on both engines. Neither table is a synced entity: the
 * password must be kept as given (CalDAV servers take it by basic auth), so it never leaves the
 * hub — no console pulls it and no answer or log carries it.
 *
 * - caldav_targets: per technician, the calendar collection, its account and whether to push.
 *   `dirty` counts the commits that changed the technician's events since the last push (the
 *   pusher clears it only if no commit came in meanwhile); `claim_token` / `claim_expires_at`
 *   are the lease one hub instance holds while it pushes the technician, so two instances never
 *   push the same calendar at once; `reconciled_at` is when every event was last compared.
 * - caldav_events: per technician and booking, the event as the CalDAV server has it: its
 *   address (href), the server's ETag and the SEQUENCE last pushed (null: never accepted),
 *   and the failures of the latest tries (attempts, the server's answer, when to try again).
 */
function ddl(t: { int: string }): string {
  return `
    CREATE TABLE caldav_targets (
      resource_id TEXT PRIMARY KEY REFERENCES resources (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      url TEXT NOT NULL, username TEXT NOT NULL, password TEXT NOT NULL,
      enabled ${t.int} NOT NULL CHECK (enabled IN (0, 1)), dirty ${t.int} NOT NULL,
      claim_token TEXT, claim_expires_at ${t.int}, reconciled_at ${t.int}, last_pushed_at ${t.int},
      created_at ${t.int} NOT NULL, updated_at ${t.int} NOT NULL);
    CREATE TABLE caldav_events (
      resource_id TEXT NOT NULL REFERENCES caldav_targets (resource_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      booking_id TEXT NOT NULL, work_order_number TEXT NOT NULL, href TEXT NOT NULL, etag TEXT, sequence ${t.int},
      attempts ${t.int} NOT NULL, last_error TEXT, next_attempt_at ${t.int}, pushed_at ${t.int},
      PRIMARY KEY (resource_id, booking_id));
    CREATE INDEX caldav_events_by_booking ON caldav_events (booking_id);
  `;
}

export const caldavPush: HubMigration = {
  version: 9,
  name: 'CalDAV push: per-technician targets (with their lease) and the events pushed to them',
  sqlite: ddl({ int: 'INTEGER' }),
  postgres: ddl({ int: 'BIGINT' }),
};
