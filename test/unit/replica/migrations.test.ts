import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError, schemaVersion } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openReplica } from '../../../electron/main/db/open-replica';

const open: Database.Database[] = [];
function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

describe('replica migrations', () => {
  it('are numbered 1..n in list order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('bring an empty database to the latest version and are idempotent on a second run', () => {
    const db = memoryDb();
    expect(migrate(db)).toEqual({ from: 0, to: migrations.length });
    expect(migrate(db)).toEqual({ from: migrations.length, to: migrations.length });
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('001 creates the schedule tables with their rules enforced by SQLite', () => {
    const db = memoryDb();
    migrate(db, migrations.slice(0, 1));
    expect(tables(db)).toEqual(expect.arrayContaining(['accounts', 'bookings', 'resources', 'work_orders', 'portal_requests', 'audit_log']));
    db.prepare("INSERT INTO territories (id, name) VALUES ('t', 'T')").run();
    db.prepare("INSERT INTO resources (id, name, email, home_lat, home_lng, time_zone, weekly_hours) VALUES ('r', 'R', 'r@x.io', 0, 0, 'UTC', '{}')").run();
    db.prepare("INSERT INTO accounts (id, name, address, lat, lng, territory_id, time_zone) VALUES ('a', 'A', 'x', 0, 0, 't', 'UTC')").run();
    db.prepare("INSERT INTO incident_types (id, name, duration_minutes, portal_bookable) VALUES ('i', 'I', 60, 0)").run();
    db.prepare("INSERT INTO work_orders (id, number, account_id, incident_type_id, priority, source, status) VALUES ('w', 'WO-00001', 'a', 'i', 'normal', 'console', 'scheduled')").run();
    const insertBooking = db.prepare(
      "INSERT INTO bookings (id, work_order_id, resource_id, start_ms, end_ms, status, assignment_origin, review_state, cancellation_reason_code) VALUES (?, 'w', ?, ?, ?, ?, 'manual', 'accepted', ?)",
    );
    expect(() => insertBooking.run('b1', 'r', 2000, 1000, 'scheduled', null)).toThrow(/CHECK constraint/);
    expect(() => insertBooking.run('b2', 'r', 1000, 2000, 'canceled', null)).toThrow(/CHECK constraint/);
    expect(() => insertBooking.run('b3', 'nobody', 1000, 2000, 'scheduled', null)).toThrow(/FOREIGN KEY/);
    expect(() => insertBooking.run('b4', 'r', 1000, 2000, 'scheduled', null)).not.toThrow();
  });

  it('002 adds the outbox and a single sync_state row that starts empty', () => {
    const db = memoryDb();
    migrate(db);
    expect(tables(db)).toEqual(expect.arrayContaining(['outbox', 'sync_state']));
    expect(db.prepare('SELECT cursor, data_origin FROM sync_state').all()).toEqual([{ cursor: 0, data_origin: 'empty' }]);
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK constraint/);
  });

  it('003 adds invitations, the shadow table (one row per entity and id) and refusal codes', () => {
    const db = memoryDb();
    migrate(db);
    expect(tables(db)).toEqual(expect.arrayContaining(['invitations', 'shadow']));
    db.prepare("INSERT INTO shadow (entity, id, data) VALUES ('booking', 'b1', NULL)").run();
    expect(() => db.prepare("INSERT INTO shadow (entity, id, data) VALUES ('booking', 'b1', '{}')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO shadow (entity, id, data) VALUES ('workOrder', 'b1', '{}')").run()).not.toThrow();
    expect(() =>
      db.prepare("INSERT INTO invitations (id, contact_id, email, created_at, expires_at, issued_by, state) VALUES ('i', 'nobody', 'a@b.io', 1, 2, 'x', 'pending')").run(),
    ).toThrow(/FOREIGN KEY/);
    const outboxColumns = db.prepare('PRAGMA table_info(outbox)').all().map((c) => (c as { name: string }).name);
    expect(outboxColumns).toContain('refusal_code');
    expect(db.prepare('SELECT auth_token, user_json FROM sync_state').get()).toEqual({ auth_token: null, user_json: null });
  });

  it('roll back every step when one fails, leaving the file as it was', () => {
    const db = memoryDb();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: () => { throw new Error('boom'); } }];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuse to open a replica written by a newer app and do not touch it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-migrate-'));
    const file = path.join(dir, 'future.sqlite');
    const future = new Database(file);
    future.pragma('journal_mode = DELETE');
    future.pragma(`user_version = ${migrations.length + 5}`);
    future.close();
    const before = readFileSync(file);
    expect(() => openReplica(file)).toThrow(NewerDatabaseError);
    expect(() => openReplica(file)).toThrow(`newer Dispatch Desk (schema ${migrations.length + 5}, this app knows ${migrations.length})`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('open replicas with WAL, synchronous=FULL and foreign keys on', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-open-'));
    const db = openReplica(path.join(dir, 'replica.sqlite'));
    open.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
