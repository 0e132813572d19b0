import type Database from 'better-sqlite3';
import { OperatorError } from '../../operator-error';
import { createOverlapGuard } from '../sqlite-overlap-guard';
import type { HubMigration } from './migration';

/**
 * The relational hub schema, on both engines: a table per entity with the console replica's
 * table and column names (db-common/entity-tables.ts maps both), real foreign keys (deferred to
 * commit, so a transaction may delete a parent before its children), and `row_changes`: one
 * row per entity row with its version and the change number of its last change, kept after a
 * delete as the tombstone that tells consoles. Change numbers are handed out when a transaction
 * ends (see change-log.ts), so they follow commit order on PostgreSQL too.
 *
 * Invariants the database keeps: no two active bookings of one technician overlap (a btree_gist
 * exclusion constraint in PostgreSQL, a trigger in SQLite), work order numbers are unique and
 * come from a sequence (PostgreSQL) or a counter row taken under the writer's lock (SQLite).
 * Also: sign-in attempts, so every hub instance counts the same ones.
 *
 * On SQLite this carries the data of the JSON `rows` table over and drops it; a PostgreSQL
 * store starts here.
 */

const fk = (target: string, cascade = false) => `REFERENCES ${target}${cascade ? ' ON DELETE CASCADE' : ''} DEFERRABLE INITIALLY DEFERRED`;

/** The entity tables in both dialects: `t` maps the few type names that differ. */
function entityTablesDdl(t: { int: string; real: string; bool: (column: string) => string; seq: string; identity: string }): string {
  return `
    CREATE TABLE territories (id TEXT PRIMARY KEY, name TEXT NOT NULL, version ${t.int} NOT NULL);
    CREATE TABLE characteristics (id TEXT PRIMARY KEY, name TEXT NOT NULL, version ${t.int} NOT NULL);
    CREATE TABLE incident_types (
      id TEXT PRIMARY KEY, name TEXT NOT NULL,
      duration_minutes ${t.int} NOT NULL CHECK (duration_minutes > 0),
      ${t.bool('portal_bookable')}, customer_facing_name TEXT, default_work_order_type TEXT,
      customer_change_notice_hours ${t.int}, version ${t.int} NOT NULL);
    CREATE TABLE incident_type_characteristics (${t.seq}
      incident_type_id TEXT NOT NULL ${fk('incident_types (id)', true)},
      characteristic_id TEXT NOT NULL ${fk('characteristics (id)')},
      min_rating ${t.int} NOT NULL CHECK (min_rating BETWEEN 1 AND 5),
      PRIMARY KEY (incident_type_id, characteristic_id));
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL, lat ${t.real} NOT NULL, lng ${t.real} NOT NULL,
      territory_id TEXT NOT NULL ${fk('territories (id)')}, time_zone TEXT NOT NULL, version ${t.int} NOT NULL);
    CREATE INDEX accounts_by_territory ON accounts (territory_id);
    CREATE TABLE contacts (
      id TEXT PRIMARY KEY, account_id TEXT NOT NULL ${fk('accounts (id)')},
      name TEXT NOT NULL, email TEXT NOT NULL, web_roles TEXT NOT NULL, ${t.bool('has_portal_profile')}, version ${t.int} NOT NULL);
    CREATE INDEX contacts_by_account ON contacts (account_id);
    CREATE TABLE assets (
      id TEXT PRIMARY KEY, account_id TEXT NOT NULL ${fk('accounts (id)')},
      product_name TEXT NOT NULL, serial_number TEXT NOT NULL, version ${t.int} NOT NULL);
    CREATE INDEX assets_by_account ON assets (account_id);
    CREATE TABLE resources (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT,
      home_lat ${t.real} NOT NULL, home_lng ${t.real} NOT NULL, time_zone TEXT NOT NULL,
      weekly_hours TEXT NOT NULL, ${t.bool('calendar_publishing')}, version ${t.int} NOT NULL);
    CREATE TABLE resource_territories (${t.seq}
      resource_id TEXT NOT NULL ${fk('resources (id)', true)},
      territory_id TEXT NOT NULL ${fk('territories (id)')},
      PRIMARY KEY (resource_id, territory_id));
    CREATE TABLE resource_characteristics (${t.seq}
      resource_id TEXT NOT NULL ${fk('resources (id)', true)},
      characteristic_id TEXT NOT NULL ${fk('characteristics (id)')},
      rating ${t.int} NOT NULL CHECK (rating BETWEEN 1 AND 5),
      PRIMARY KEY (resource_id, characteristic_id));
    CREATE TABLE resource_time_off (${t.seq}
      id TEXT PRIMARY KEY, resource_id TEXT NOT NULL ${fk('resources (id)', true)},
      start_ms ${t.int} NOT NULL, end_ms ${t.int} NOT NULL, CHECK (end_ms > start_ms));
    CREATE INDEX resource_time_off_by_resource ON resource_time_off (resource_id);
    CREATE TABLE work_orders (
      id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL ${fk('accounts (id)')},
      asset_id TEXT ${fk('assets (id)')},
      incident_type_id TEXT NOT NULL ${fk('incident_types (id)')},
      primary_contact_id TEXT ${fk('contacts (id)')},
      priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      work_order_type TEXT, summary TEXT NOT NULL, customer_comments TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('portal', 'console')),
      promised_window_start ${t.int}, promised_window_end ${t.int},
      status TEXT NOT NULL CHECK (status IN ('unscheduled', 'scheduled', 'in_progress', 'completed', 'canceled')),
      version ${t.int} NOT NULL);
    CREATE INDEX work_orders_by_account ON work_orders (account_id);
    CREATE INDEX work_orders_by_status ON work_orders (status);
    CREATE TABLE bookings (
      id TEXT PRIMARY KEY, work_order_id TEXT NOT NULL ${fk('work_orders (id)')},
      resource_id TEXT NOT NULL ${fk('resources (id)')},
      start_ms ${t.int} NOT NULL, end_ms ${t.int} NOT NULL, travel_minutes ${t.int} NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'traveling', 'in_progress', 'completed', 'canceled')),
      assignment_origin TEXT NOT NULL CHECK (assignment_origin IN ('auto', 'manual')),
      explanation TEXT,
      review_state TEXT NOT NULL CHECK (review_state IN ('needs_review', 'accepted', 'overridden')),
      ${t.bool('pinned')}, cancellation_reason_code TEXT, cancellation_note TEXT, version ${t.int} NOT NULL,
      CHECK (end_ms > start_ms),
      CHECK (status <> 'canceled' OR cancellation_reason_code IS NOT NULL));
    CREATE INDEX bookings_by_resource_end ON bookings (resource_id, end_ms);
    CREATE INDEX bookings_by_end ON bookings (end_ms);
    CREATE INDEX bookings_by_work_order ON bookings (work_order_id);
    CREATE TABLE portal_requests (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('new_booking', 'reschedule', 'cancellation', 'no_slot', 'low_feedback')),
      account_id TEXT NOT NULL ${fk('accounts (id)')}, contact_id TEXT ${fk('contacts (id)')},
      work_order_id TEXT ${fk('work_orders (id)')}, message TEXT NOT NULL,
      created_at ${t.int} NOT NULL, state TEXT NOT NULL CHECK (state IN ('open', 'handled')),
      handled_by TEXT, handled_at ${t.int}, version ${t.int} NOT NULL);
    CREATE INDEX portal_requests_by_work_order ON portal_requests (work_order_id);
    CREATE TABLE cancellation_reason_codes (code TEXT PRIMARY KEY, label TEXT NOT NULL, ${t.bool('active')}, version ${t.int} NOT NULL);
    CREATE TABLE invitations (
      id TEXT PRIMARY KEY, contact_id TEXT NOT NULL ${fk('contacts (id)')},
      email TEXT NOT NULL, created_at ${t.int} NOT NULL, expires_at ${t.int} NOT NULL, issued_by TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'redeemed', 'revoked')), version ${t.int} NOT NULL);
    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY, at ${t.int} NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
      entity_id TEXT NOT NULL, action TEXT NOT NULL, before_json TEXT, after_json TEXT);
    CREATE INDEX audit_by_entity ON audit_log (entity, entity_id, at);
    CREATE TABLE sign_in_attempts (
      id ${t.identity} PRIMARY KEY,
      key TEXT NOT NULL, at ${t.int} NOT NULL, expires_at ${t.int} NOT NULL);
    CREATE INDEX sign_in_attempts_by_key ON sign_in_attempts (key, at);
    CREATE INDEX sign_in_attempts_by_expiry ON sign_in_attempts (expires_at);
  `;
}

const sqliteTypes = { int: 'INTEGER', real: 'REAL', bool: (c: string) => `${c} INTEGER NOT NULL CHECK (${c} IN (0, 1))`, seq: '', identity: 'INTEGER' };
const postgresTypes = { int: 'BIGINT', real: 'DOUBLE PRECISION', bool: (c: string) => `${c} BOOLEAN NOT NULL`, seq: 'seq BIGINT GENERATED ALWAYS AS IDENTITY,', identity: 'BIGINT GENERATED ALWAYS AS IDENTITY' };

const sqliteBookkeeping = `
  CREATE TABLE row_changes (
    entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
    change_number INTEGER UNIQUE, deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    PRIMARY KEY (entity, id)) WITHOUT ROWID;
  CREATE TABLE work_order_counter ("only" INTEGER PRIMARY KEY CHECK ("only" = 1), latest INTEGER NOT NULL);
`;

const j = (field: string) => `json_extract(data, '$.${field}')`;
const live = (entity: string) => `FROM rows WHERE entity = '${entity}' AND deleted = 0`;

/** Frozen copies of the JSON rows into the new tables (children in array order, so rowid order is item order). */
const sqliteCarryData = `
  INSERT INTO territories SELECT id, ${j('name')}, version ${live('territory')};
  INSERT INTO characteristics SELECT id, ${j('name')}, version ${live('characteristic')};
  INSERT INTO incident_types SELECT id, ${j('name')}, ${j('durationMinutes')}, ${j('portalBookable')}, ${j('customerFacingName')},
    ${j('defaultWorkOrderType')}, ${j('customerChangeNoticeHours')}, version ${live('incidentType')};
  INSERT INTO incident_type_characteristics (incident_type_id, characteristic_id, min_rating)
    SELECT r.id, json_extract(c.value, '$.characteristicId'), json_extract(c.value, '$.minRating')
    FROM rows r, json_each(r.data, '$.requiredCharacteristics') c WHERE r.entity = 'incidentType' AND r.deleted = 0 ORDER BY r.id, c.key;
  INSERT INTO cancellation_reason_codes SELECT id, ${j('label')}, ${j('active')}, version ${live('reasonCode')};
  INSERT INTO accounts SELECT id, ${j('name')}, ${j('address')}, ${j('lat')}, ${j('lng')}, ${j('territoryId')}, ${j('timeZone')}, version ${live('account')};
  INSERT INTO contacts SELECT id, ${j('accountId')}, ${j('name')}, ${j('email')}, COALESCE(${j('webRoles')}, '[]'),
    COALESCE(${j('hasPortalProfile')}, 0), version ${live('contact')};
  INSERT INTO assets SELECT id, ${j('accountId')}, ${j('productName')}, ${j('serialNumber')}, version ${live('asset')};
  INSERT INTO resources SELECT id, ${j('name')}, ${j('email')}, ${j('phone')}, ${j('homeLat')}, ${j('homeLng')}, ${j('timeZone')},
    ${j('weeklyHours')}, ${j('calendarPublishing')}, version ${live('resource')};
  INSERT INTO resource_territories (resource_id, territory_id)
    SELECT r.id, t.value FROM rows r, json_each(r.data, '$.territoryIds') t WHERE r.entity = 'resource' AND r.deleted = 0 ORDER BY r.id, t.key;
  INSERT INTO resource_characteristics (resource_id, characteristic_id, rating)
    SELECT r.id, json_extract(c.value, '$.characteristicId'), json_extract(c.value, '$.rating')
    FROM rows r, json_each(r.data, '$.characteristics') c WHERE r.entity = 'resource' AND r.deleted = 0 ORDER BY r.id, c.key;
  INSERT INTO resource_time_off (id, resource_id, start_ms, end_ms)
    SELECT r.id || '-off-' || (o.key + 1), r.id, json_extract(o.value, '$.start'), json_extract(o.value, '$.end')
    FROM rows r, json_each(r.data, '$.timeOff') o WHERE r.entity = 'resource' AND r.deleted = 0 ORDER BY r.id, o.key;
  INSERT INTO work_orders SELECT id, ${j('number')}, ${j('accountId')}, ${j('assetId')}, ${j('incidentTypeId')}, ${j('primaryContactId')},
    ${j('priority')}, ${j('workOrderType')}, ${j('summary')}, ${j('customerComments')}, ${j('source')}, ${j('promisedWindowStart')},
    ${j('promisedWindowEnd')}, ${j('status')}, version ${live('workOrder')};
  INSERT INTO bookings SELECT id, ${j('workOrderId')}, ${j('resourceId')}, ${j('start')}, ${j('end')}, ${j('travelMinutes')}, ${j('status')},
    ${j('assignmentOrigin')}, ${j('explanation')}, ${j('reviewState')}, ${j('pinned')}, ${j('cancellationReasonCode')},
    ${j('cancellationNote')}, version ${live('booking')};
  INSERT INTO portal_requests SELECT id, ${j('kind')}, ${j('accountId')}, ${j('contactId')}, ${j('workOrderId')}, ${j('message')},
    ${j('createdAt')}, ${j('state')}, ${j('handledBy')}, ${j('handledAt')}, version ${live('portalRequest')};
  INSERT INTO invitations SELECT id, ${j('contactId')}, ${j('email')}, ${j('createdAt')}, ${j('expiresAt')}, ${j('issuedBy')}, ${j('state')},
    version ${live('invitation')};
  INSERT INTO audit_log SELECT id, ${j('at')}, ${j('actor')}, ${j('entity')}, ${j('entityId')}, ${j('action')}, ${j('before')}, ${j('after')} ${live('audit')};
  INSERT INTO row_changes (entity, id, version, change_number, deleted) SELECT entity, id, version, change_number, deleted FROM rows;
  INSERT INTO work_order_counter ("only", latest)
    SELECT 1, COALESCE(MAX(CAST(substr(${j('number')}, 4) AS INTEGER)), 0) FROM rows WHERE entity = 'workOrder';
  DROP TABLE rows;
  DROP TABLE booking_slots;
`;

function sqliteUp(db: Database.Database): void {
  db.exec(entityTablesDdl(sqliteTypes) + sqliteBookkeeping);
  db.exec(sqliteCarryData);
  // Rows the JSON store held without their parent cannot go into tables with foreign keys; say which.
  const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (orphans.length > 0) {
    const examples = orphans.slice(0, 5).map((o) => `${o.table} row ${o.rowid} → missing ${o.parent}`).join('; ');
    throw new OperatorError(`The store holds ${orphans.length} rows whose parent row is gone (${examples}); the upgrade to the relational schema was not applied and the file is unchanged.`);
  }
  db.exec(createOverlapGuard);
}

const postgresSchema = `
  CREATE EXTENSION IF NOT EXISTS btree_gist;
  ${entityTablesDdl(postgresTypes)}
  ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
    EXCLUDE USING gist (resource_id WITH =, int8range(start_ms, end_ms) WITH &&) WHERE (status <> 'canceled');
  CREATE SEQUENCE work_order_number;
  CREATE TABLE row_changes (
    entity TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
    change_number BIGINT UNIQUE, deleted BOOLEAN NOT NULL, PRIMARY KEY (entity, id));
  CREATE TABLE change_counter ("only" INTEGER PRIMARY KEY CHECK ("only" = 1), latest BIGINT NOT NULL);
  INSERT INTO change_counter ("only", latest) VALUES (1, 0);
  CREATE TABLE applied_mutations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, args_hash TEXT NOT NULL, outcome_json TEXT NOT NULL,
    user_id TEXT NOT NULL, applied_at BIGINT NOT NULL);
  CREATE TABLE users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('dispatcher', 'back_office', 'administrator')),
    password_hash TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE UNIQUE INDEX users_by_email ON users (lower(email));
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE store_identity (
    "only" INTEGER PRIMARY KEY CHECK ("only" = 1), store_id TEXT NOT NULL, epoch TEXT NOT NULL, epoch_started_at BIGINT NOT NULL);
  INSERT INTO store_identity ("only", store_id, epoch, epoch_started_at)
    VALUES (1, replace(gen_random_uuid()::text, '-', ''), replace(gen_random_uuid()::text, '-', ''), (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
`;

export const relationalSchema: HubMigration = {
  version: 4,
  name: 'relational schema: a table per entity, row changes, database-kept invariants',
  sqlite: sqliteUp,
  postgres: postgresSchema,
};
