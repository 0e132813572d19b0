import type { Migration } from './migration';

/**
 * The replica's mirror of the hub's tables. Every synced row carries `version` (bumped on each
 * change, for optimistic concurrency) and `change_number` (the hub's global change counter of
 * its last change; 0 for rows that only exist locally, such as demo data).
 */
export const referenceAndSchedule: Migration = {
  version: 1,
  name: 'reference data, accounts, technicians, work orders and bookings',
  up(db) {
    db.exec(`
      CREATE TABLE territories (
        id TEXT PRIMARY KEY, name TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE characteristics (
        id TEXT PRIMARY KEY, name TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE incident_types (
        id TEXT PRIMARY KEY, name TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        portal_bookable INTEGER NOT NULL CHECK (portal_bookable IN (0, 1)),
        customer_facing_name TEXT, default_work_order_type TEXT,
        customer_change_notice_hours INTEGER,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE incident_type_characteristics (
        incident_type_id TEXT NOT NULL REFERENCES incident_types(id) ON DELETE CASCADE,
        characteristic_id TEXT NOT NULL REFERENCES characteristics(id),
        min_rating INTEGER NOT NULL CHECK (min_rating BETWEEN 1 AND 5),
        PRIMARY KEY (incident_type_id, characteristic_id));
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL,
        lat REAL NOT NULL, lng REAL NOT NULL,
        territory_id TEXT NOT NULL REFERENCES territories(id), time_zone TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL, email TEXT NOT NULL, web_roles TEXT NOT NULL DEFAULT '[]',
        has_portal_profile INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE assets (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
        product_name TEXT NOT NULL, serial_number TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE resources (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT,
        home_lat REAL NOT NULL, home_lng REAL NOT NULL, time_zone TEXT NOT NULL,
        weekly_hours TEXT NOT NULL, calendar_publishing INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE resource_territories (
        resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        territory_id TEXT NOT NULL REFERENCES territories(id),
        PRIMARY KEY (resource_id, territory_id));
      CREATE TABLE resource_characteristics (
        resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        characteristic_id TEXT NOT NULL REFERENCES characteristics(id),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        PRIMARY KEY (resource_id, characteristic_id));
      CREATE TABLE resource_time_off (
        id TEXT PRIMARY KEY, resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, CHECK (end_ms > start_ms));
      CREATE TABLE work_orders (
        id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        asset_id TEXT REFERENCES assets(id),
        incident_type_id TEXT NOT NULL REFERENCES incident_types(id),
        primary_contact_id TEXT REFERENCES contacts(id),
        priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        work_order_type TEXT, summary TEXT NOT NULL DEFAULT '', customer_comments TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('portal', 'console')),
        promised_window_start INTEGER, promised_window_end INTEGER,
        status TEXT NOT NULL CHECK (status IN ('unscheduled', 'scheduled', 'in_progress', 'completed', 'canceled')),
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE bookings (
        id TEXT PRIMARY KEY, work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        resource_id TEXT NOT NULL REFERENCES resources(id),
        start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, travel_minutes INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'traveling', 'in_progress', 'completed', 'canceled')),
        assignment_origin TEXT NOT NULL CHECK (assignment_origin IN ('auto', 'manual')),
        explanation TEXT,
        review_state TEXT NOT NULL CHECK (review_state IN ('needs_review', 'accepted', 'overridden')),
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        cancellation_reason_code TEXT, cancellation_note TEXT,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0,
        CHECK (end_ms > start_ms),
        CHECK (status <> 'canceled' OR cancellation_reason_code IS NOT NULL));
      CREATE INDEX bookings_by_resource_time ON bookings (resource_id, start_ms);
      CREATE INDEX bookings_by_time ON bookings (start_ms);
      CREATE INDEX work_orders_by_status ON work_orders (status);
      CREATE TABLE portal_requests (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('new_booking', 'reschedule', 'cancellation', 'no_slot', 'low_feedback')),
        account_id TEXT NOT NULL REFERENCES accounts(id), contact_id TEXT REFERENCES contacts(id),
        work_order_id TEXT REFERENCES work_orders(id), message TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('open', 'handled')),
        handled_by TEXT, handled_at INTEGER,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE cancellation_reason_codes (
        code TEXT PRIMARY KEY, label TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 0, change_number INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
        entity_id TEXT NOT NULL, action TEXT NOT NULL, before_json TEXT, after_json TEXT,
        change_number INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX audit_by_entity ON audit_log (entity, entity_id, at);
    `);
  },
};
