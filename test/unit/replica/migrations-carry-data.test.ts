import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { listBoardTechnicians, listBookingsInRange } from '../../../electron/main/db/queries/board-queries';
import { readSyncState } from '../../../electron/main/db/queries/sync-state-queries';
import { listSyncIssues, pendingMutations } from '../../../electron/main/sync/outbox';

/** Upgrade to N−1, write rows as that app version did, upgrade to N: the rows must survive, new columns get their defaults. */

const open: Database.Database[] = [];
function replicaAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  migrate(db, migrations.slice(0, version));
  expect(schemaVersion(db)).toBe(version);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

const start = Date.UTC(2025, 2, 10, 14);
const hour = 3_600_000;

/** A territory, a technician, an account and two booked work orders (one canceled), as schema 1 stored them after a pull. */
function writeSchedule(db: Database.Database): void {
  db.exec(`
    INSERT INTO territories (id, name, version, change_number) VALUES ('t-north', 'North', 1, 1);
    INSERT INTO resources (id, name, email, home_lat, home_lng, time_zone, weekly_hours, version, change_number)
      VALUES ('r-ada', 'Ada Tech', 'ada@example.com', 41.9, -87.6, 'America/Chicago', '{"mon":[["08:00","17:00"]]}', 1, 2);
    INSERT INTO resource_territories (resource_id, territory_id) VALUES ('r-ada', 't-north');
    INSERT INTO accounts (id, name, address, lat, lng, territory_id, time_zone, version, change_number)
      VALUES ('a-1', 'Lakeside Bakery', '1 Lake St', 41.88, -87.63, 't-north', 'America/Chicago', 1, 3);
    INSERT INTO incident_types (id, name, duration_minutes, portal_bookable, version, change_number) VALUES ('i-boiler', 'Boiler service', 60, 1, 1, 4);
    INSERT INTO work_orders (id, number, account_id, incident_type_id, priority, source, status, summary, version, change_number)
      VALUES ('w-1', 'WO-00001', 'a-1', 'i-boiler', 'high', 'console', 'scheduled', 'Boiler leaks', 2, 5),
             ('w-2', 'WO-00002', 'a-1', 'i-boiler', 'normal', 'portal', 'canceled', '', 3, 6);
    INSERT INTO bookings (id, work_order_id, resource_id, start_ms, end_ms, status, assignment_origin, review_state, pinned,
                          cancellation_reason_code, version, change_number)
      VALUES ('b-1', 'w-1', 'r-ada', ${start}, ${start + hour}, 'scheduled', 'auto', 'needs_review', 1, NULL, 4, 7),
             ('b-2', 'w-2', 'r-ada', ${start + 2 * hour}, ${start + 3 * hour}, 'canceled', 'manual', 'accepted', 0, 'weather', 2, 8);
  `);
}

/** Two queued mutations and one the hub refused, and a cursor, as schema 2 stored them. */
function writeOutbox(db: Database.Database): void {
  db.exec(`
    INSERT INTO outbox (mutation_id, name, args_json, created_at, attempts, state, refusal_reason, last_error) VALUES
      ('m-1', 'moveBooking', '{"bookingId":"b-1","start":1}', 100, 2, 'pending', NULL, 'hub unreachable'),
      ('m-2', 'cancelBooking', '{"bookingId":"b-1"}', 200, 1, 'refused', 'Someone changed this booking first.', NULL),
      ('m-3', 'acceptAutoAssignment', '{"bookingId":"b-1"}', 300, 0, 'pending', NULL, NULL);
    UPDATE sync_state SET hub_url = 'http://127.0.0.1:4800', cursor = 8, last_success_at = 12345, data_origin = 'hub';
  `);
}

const snapshot = (db: Database.Database, table: string, columns = '*') => db.prepare(`SELECT ${columns} FROM ${table} ORDER BY 1`).all();

describe('replica migrations carry data', () => {
  it('001 → 002: the schedule survives unchanged and sync starts from an empty cursor', () => {
    const db = replicaAt(1);
    writeSchedule(db);
    const tables = ['territories', 'resources', 'resource_territories', 'accounts', 'incident_types', 'work_orders', 'bookings'];
    const before = tables.map((t) => snapshot(db, t));
    migrate(db, migrations.slice(0, 2));
    expect(tables.map((t) => snapshot(db, t))).toEqual(before);
    expect(snapshot(db, 'sync_state', 'hub_url, cursor, data_origin')).toEqual([{ hub_url: null, cursor: 0, data_origin: 'empty' }]);
    expect(snapshot(db, 'outbox')).toEqual([]);
  });

  it('002 → 003: queued and refused mutations and the cursor survive; refused ones get no invented code and no session appears', () => {
    const db = replicaAt(2);
    writeSchedule(db);
    writeOutbox(db);
    const outboxBefore = snapshot(db, 'outbox');
    const bookingsBefore = snapshot(db, 'bookings');
    migrate(db, migrations.slice(0, 3));
    expect(snapshot(db, 'outbox', 'seq, mutation_id, name, args_json, created_at, attempts, state, refusal_reason, last_error')).toEqual(outboxBefore);
    expect(snapshot(db, 'outbox', 'refusal_code')).toEqual([{ refusal_code: null }, { refusal_code: null }, { refusal_code: null }]);
    expect(snapshot(db, 'bookings')).toEqual(bookingsBefore);
    expect(snapshot(db, 'sync_state', 'hub_url, cursor, last_success_at, data_origin, auth_token, user_json')).toEqual([
      { hub_url: 'http://127.0.0.1:4800', cursor: 8, last_success_at: 12345, data_origin: 'hub', auth_token: null, user_json: null },
    ]);
    expect(snapshot(db, 'shadow')).toEqual([]);
  });

  it('rows written at schema 2 are what the latest console shows: board, outbox, sync issues and sync state', () => {
    const db = replicaAt(2);
    writeSchedule(db);
    writeOutbox(db);
    migrate(db);
    expect(listBoardTechnicians(db)).toEqual([{ id: 'r-ada', name: 'Ada Tech', timeZone: 'America/Chicago', territoryId: 't-north', territoryName: 'North' }]);
    const bookings = listBookingsInRange(db, { rangeStart: start, rangeEnd: start + 4 * hour });
    expect(bookings.map((b) => [b.id, b.status, b.pinned, b.workOrderNumber])).toEqual([
      ['b-1', 'scheduled', true, 'WO-00001'],
      ['b-2', 'canceled', false, 'WO-00002'],
    ]);
    expect(pendingMutations(db).map((m) => [m.mutationId, m.attempts, m.args])).toEqual([
      ['m-1', 2, { bookingId: 'b-1', start: 1 }],
      ['m-3', 0, { bookingId: 'b-1' }],
    ]);
    expect(listSyncIssues(db)).toEqual([
      { mutationId: 'm-2', name: 'cancelBooking', args: { bookingId: 'b-1' }, state: 'refused', code: 'refused', reason: 'Someone changed this booking first.', attempts: 1, lastError: null, createdAt: 200 },
    ]);
    expect(readSyncState(db)).toMatchObject({ hubUrl: 'http://127.0.0.1:4800', cursor: 8, dataOrigin: 'hub', token: null, user: null });
  });
});
