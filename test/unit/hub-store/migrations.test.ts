import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OperatorError } from '../../../server/operator-error';
import { migrate } from '../../../server/store/migrate';
import { hubMigrations, type HubMigration } from '../../../server/store/migrations/index';
import { SqliteHubStore } from '../../../server/store/sqlite-hub-store';
import { buildDemoDataset, datasetEntities } from '../../../shared/demo/seed-builder';
import type { Booking } from '../../../shared/domain/entities';
import { entityKey, type EntityName, type EntityRow } from '../../../shared/sync/synced-entities';
import { entityTables } from '../../../db-common/entity-tables';

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
}

/** A data folder holding `hub.sqlite` migrated to `version`, as a hub of that schema left it. */
function storeFolderAt(version: number, fill?: (db: Database.Database) => void): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dd-hub-migrate-'));
  const db = new Database(path.join(folder, 'hub.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, 'hub.sqlite', hubMigrations.slice(0, version));
  fill?.(db);
  db.close();
  return folder;
}

function openStore(folder: string): SqliteHubStore {
  const store = SqliteHubStore.open(folder);
  open.push(store);
  return store;
}

const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

describe('hub store migrations', () => {
  it('are numbered 1..n in list order', () => {
    expect(hubMigrations.map((m) => m.version)).toEqual(hubMigrations.map((_, i) => i + 1));
  });

  it('bring an empty file to the latest version and change nothing on a second run', () => {
    const db = memoryDb();
    migrate(db, ':memory:');
    expect(version(db)).toBe(hubMigrations.length);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all();
    migrate(db, ':memory:');
    expect(version(db)).toBe(hubMigrations.length);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(schema);
  });

  it('001 creates synced rows (one change number each), a single change counter from 0, booking slots and applied mutations', () => {
    const db = memoryDb();
    migrate(db, ':memory:', hubMigrations.slice(0, 1));
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(['applied_mutations', 'booking_slots', 'change_counter', 'rows']);
    expect(db.prepare('SELECT only, latest FROM change_counter').all()).toEqual([{ only: 1, latest: 0 }]);
    expect(() => db.prepare('INSERT INTO change_counter (only, latest) VALUES (2, 0)').run()).toThrow(/CHECK constraint/);
    const insertRow = db.prepare("INSERT INTO rows (entity, id, version, change_number, data) VALUES ('territory', ?, 1, ?, '{}')");
    insertRow.run('t1', 1);
    expect(() => insertRow.run('t2', 1)).toThrow(/UNIQUE constraint failed: rows.change_number/);
    expect(() => insertRow.run('t1', 2)).toThrow(/UNIQUE constraint failed: rows.entity, rows.id/);
    expect(db.prepare("SELECT deleted FROM rows WHERE id = 't1'").pluck().get()).toBe(0);
  });

  it('002 adds users (e-mail unique whatever its case, known roles only) and sessions that go with their user', () => {
    const db = memoryDb();
    migrate(db, ':memory:', hubMigrations.slice(0, 2));
    expect(version(db)).toBe(2);
    const insertUser = db.prepare("INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, 'N', ?, 'h', 1)");
    insertUser.run('u1', 'ann@example.com', 'dispatcher');
    expect(() => insertUser.run('u2', 'ANN@example.com', 'dispatcher')).toThrow(/UNIQUE constraint failed: users.email/);
    expect(() => insertUser.run('u3', 'bob@example.com', 'root')).toThrow(/CHECK constraint/);
    const insertSession = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, 1, 2)');
    insertSession.run('s1', 'u1');
    expect(() => insertSession.run('s2', 'nobody')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM users WHERE id = 'u1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('003 gives the store exactly one identity: a random store id and epoch, never the same twice', () => {
    const identities = [memoryDb(), memoryDb()].map((db) => {
      migrate(db, ':memory:', hubMigrations.slice(0, 3));
      expect(version(db)).toBe(3);
      expect(() => db.prepare("INSERT INTO store_identity (only, store_id, epoch, epoch_started_at) VALUES (2, 'a', 'b', 1)").run()).toThrow(/CHECK constraint/);
      return db.prepare('SELECT store_id, epoch, epoch_started_at FROM store_identity').all() as { store_id: string; epoch: string; epoch_started_at: number }[];
    });
    for (const rows of identities) {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toEqual({ store_id: expect.stringMatching(/^[0-9a-f]{32}$/), epoch: expect.stringMatching(/^[0-9a-f]{32}$/), epoch_started_at: expect.any(Number) });
      expect(Math.abs(rows[0]!.epoch_started_at - Date.now())).toBeLessThan(60_000);
    }
    expect(identities[0]![0]!.store_id).not.toBe(identities[1]![0]!.store_id);
  });

  it('roll every pending step back when one fails (one runner with the replica), so the next start begins again from the same version', () => {
    const db = memoryDb();
    migrate(db, ':memory:', hubMigrations.slice(0, 2));
    const broken: HubMigration = { version: hubMigrations.length + 1, name: 'broken', sqlite: 'CREATE TABLE half_done (id TEXT); INSERT INTO no_such_table VALUES (1);' };
    expect(() => migrate(db, ':memory:', [...hubMigrations, broken])).toThrow(/no such table: no_such_table/);
    expect(version(db)).toBe(2);
    expect(tables(db)).not.toContain('half_done');
    expect(tables(db)).not.toContain('store_identity');
    const fixed: HubMigration = { ...broken, sqlite: 'CREATE TABLE half_done (id TEXT);' };
    migrate(db, ':memory:', [...hubMigrations, fixed]);
    expect(version(db)).toBe(hubMigrations.length + 1);
    expect(tables(db)).toContain('half_done');
  });

  it('refuse a store written by a newer hub, naming both versions, and leave the file as it was', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dd-hub-future-'));
    const file = path.join(folder, 'hub.sqlite');
    const future = new Database(file);
    future.pragma('journal_mode = DELETE');
    future.exec('CREATE TABLE from_the_future (id TEXT)');
    future.pragma(`user_version = ${hubMigrations.length + 3}`);
    future.close();
    const before = readFileSync(file);
    expect(() => SqliteHubStore.open(folder)).toThrow(OperatorError);
    expect(() => SqliteHubStore.open(folder)).toThrow(`schema version ${hubMigrations.length + 3}, newer than this hub understands (${hubMigrations.length})`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

/** A small company as a hub at schema 1 stored it: rows as JSON, stamped 1..n, slots beside the bookings. */
function writeSchema1Rows(db: Database.Database) {
  const dataset = buildDemoDataset({ seed: 7, now: Date.UTC(2025, 2, 10, 15), accounts: 4, technicians: 2 });
  const insertRow = db.prepare('INSERT INTO rows (entity, id, version, change_number, deleted, data) VALUES (?, ?, 1, ?, ?, ?)');
  const insertSlot = db.prepare('INSERT INTO booking_slots (booking_id, resource_id, start_ms, end_ms, active) VALUES (?, ?, ?, ?, ?)');
  let changeNumber = 0;
  for (const [key, entity] of datasetEntities) {
    for (const row of dataset[key]) {
      insertRow.run(entity, entityKey(entity, row as EntityRow<EntityName>), ++changeNumber, 0, JSON.stringify(row));
    }
  }
  for (const b of dataset.bookings) insertSlot.run(b.id, b.resourceId, b.start, b.end, b.status === 'canceled' ? 0 : 1);
  // A deleted portal request leaves a tombstone.
  insertRow.run('portalRequest', 'deleted-request', ++changeNumber, 1, null);
  db.prepare('UPDATE change_counter SET latest = ?').run(changeNumber);
  db.prepare('INSERT INTO applied_mutations (id, name, args_hash, outcome_json, user_id, applied_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    '0b8f1f2e-9d51-4c39-9f0e-3c2f6f1d8a10',
    'cancelBooking',
    'hash-of-args',
    JSON.stringify({ status: 'refused', code: 'version_conflict', reason: 'Someone changed this booking first.' }),
    'user-1',
    1_700_000_000_000,
  );
  return { dataset, latest: changeNumber };
}

describe('hub store migrations carry data', () => {
  it('001 → 002: every synced row, tombstone, slot, the change counter and recorded mutations survive, and the new tables start empty', () => {
    const folder = storeFolderAt(1);
    const db = new Database(path.join(folder, 'hub.sqlite'));
    open.push(db);
    const { latest } = writeSchema1Rows(db);
    const snapshot = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
    const before = { rows: snapshot('rows'), slots: snapshot('booking_slots'), applied: snapshot('applied_mutations') };
    migrate(db, 'hub.sqlite', hubMigrations.slice(0, 2));
    expect(version(db)).toBe(2);
    expect({ rows: snapshot('rows'), slots: snapshot('booking_slots'), applied: snapshot('applied_mutations') }).toEqual(before);
    expect(db.prepare('SELECT latest FROM change_counter').pluck().get()).toBe(latest);
    expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('002 → 003: rows, users and sessions survive, and the store that had none gets its one identity', async () => {
    const folder = storeFolderAt(2);
    const db = new Database(path.join(folder, 'hub.sqlite'));
    open.push(db);
    writeSchema1Rows(db);
    db.prepare("INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('u1', 'ann@example.com', 'Ann', 'administrator', 'scrypt$hash', 1)").run();
    db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('t1', 'u1', 1, 9999999999999)").run();
    const snapshot = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
    const tablesBefore = ['rows', 'booking_slots', 'applied_mutations', 'change_counter', 'users', 'sessions'];
    const before = tablesBefore.map(snapshot);
    migrate(db, 'hub.sqlite', hubMigrations.slice(0, 3));
    expect(tablesBefore.map(snapshot)).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM store_identity').pluck().get()).toBe(1);
  });

  it('a store written at schema 1 opens at the latest schema, serves its rows and keeps numbering changes after them', async () => {
    let written!: ReturnType<typeof writeSchema1Rows>;
    const folder = storeFolderAt(1, (db) => (written = writeSchema1Rows(db)));
    const store = openStore(folder);
    const { dataset, latest } = written;
    await store.transaction(async (tx) => {
      expect(await tx.latestChange()).toBe(latest);
      const changes = await tx.changesAfter(0, 10_000);
      expect(changes).toHaveLength(latest);
      expect(changes.map((c) => c.changeNumber)).toEqual(changes.map((_, i) => i + 1));
      expect(changes.at(-1)).toMatchObject({ entity: 'portalRequest', id: 'deleted-request', deleted: true, data: null });
      const booking = dataset.bookings.find((b) => b.status !== 'canceled')!;
      expect(await tx.get('booking', booking.id)).toEqual(booking);
      const overlapping = await tx.activeBookingsBetween(booking.start, booking.end, [booking.resourceId]);
      expect(overlapping.map((b: Booking) => b.id)).toContain(booking.id);
      expect(await tx.findAppliedMutation('0b8f1f2e-9d51-4c39-9f0e-3c2f6f1d8a10')).toMatchObject({ name: 'cancelBooking', outcome: { status: 'refused', code: 'version_conflict' } });
      await tx.put('territory', { ...dataset.territories[0]!, name: 'Renamed after the upgrade' });
    });
    const afterWrite = await store.transaction((tx) => tx.changesAfter(latest, 10));
    expect(afterWrite).toEqual([expect.objectContaining({ entity: 'territory', id: dataset.territories[0]!.id, changeNumber: latest + 1, version: 2 })]);
    expect(await store.transaction((tx) => tx.findUserByEmail('anyone@example.com'))).toBeUndefined();
  });
});

describe('hub store migration 004 (relational schema)', () => {
  it('carries rows into their tables and drops the JSON store; the database then keeps references, slots and numbers', async () => {
    let written!: ReturnType<typeof writeSchema1Rows>;
    const folder = storeFolderAt(3, (db) => (written = writeSchema1Rows(db)));
    await openStore(folder).close();
    const db = new Database(path.join(folder, 'hub.sqlite'));
    open.push(db);
    db.pragma('foreign_keys = ON');
    const { dataset, latest } = written;
    expect(version(db)).toBe(hubMigrations.length);
    expect(tables(db)).toContain('comments');
    expect(tables(db)).not.toContain('rows');
    expect(tables(db)).not.toContain('booking_slots');
    expect(db.prepare('SELECT COUNT(*) FROM bookings').pluck().get()).toBe(dataset.bookings.length);
    expect(db.prepare('SELECT COUNT(*) FROM row_changes').pluck().get()).toBe(latest);
    expect(db.prepare("SELECT deleted, change_number FROM row_changes WHERE id = 'deleted-request'").get()).toEqual({ deleted: 1, change_number: latest });
    const resource = dataset.resources[0]!;
    expect(db.prepare('SELECT territory_id FROM resource_territories WHERE resource_id = ? ORDER BY rowid').pluck().all(resource.id)).toEqual(resource.territoryIds);
    const highest = Math.max(...dataset.workOrders.map((w) => Number(w.number.slice(3))));
    expect(db.prepare('SELECT latest FROM work_order_counter').pluck().get()).toBe(highest);
    const account = dataset.contacts[0]!.accountId;
    expect(() => db.prepare('DELETE FROM accounts WHERE id = ?').run(account)).toThrow(/FOREIGN KEY/);
    const booking = dataset.bookings.find((b) => b.status === 'scheduled')!;
    expect(() =>
      db
        .prepare('INSERT INTO bookings SELECT ?, work_order_id, resource_id, start_ms + 60000, end_ms, travel_minutes, status, assignment_origin, explanation, review_state, pinned, cancellation_reason_code, cancellation_note, version FROM bookings WHERE id = ?')
        .run('overlapping', booking.id),
    ).toThrow(/bookings_no_overlap/);
  });

  it('refuses to upgrade a store holding rows whose parent is gone, and leaves the file at schema 3', () => {
    const folder = storeFolderAt(3, (db) => {
      writeSchema1Rows(db);
      const orphan = { ...buildDemoDataset({ seed: 7, now: Date.UTC(2025, 2, 10, 15), accounts: 4, technicians: 2 }).bookings[0]!, id: 'orphan', workOrderId: 'gone' };
      db.prepare("INSERT INTO rows (entity, id, version, change_number, deleted, data) VALUES ('booking', 'orphan', 1, 999999, 0, ?)").run(JSON.stringify(orphan));
    });
    expect(() => SqliteHubStore.open(folder)).toThrow(OperatorError);
    expect(() => SqliteHubStore.open(folder)).toThrow(/whose parent row is gone \(bookings row/);
    const db = new Database(path.join(folder, 'hub.sqlite'), { readonly: true });
    open.push(db);
    expect(version(db)).toBe(3);
    expect(db.prepare("SELECT COUNT(*) FROM rows WHERE id = 'orphan'").pluck().get()).toBe(1);
  });
});

describe('hub store migration 006 (portal)', () => {
  it('adds the portal tables; only the portal settings are synced, never hashes, sessions, tokens, mail or positions', async () => {
    const folder = storeFolderAt(4);
    const store = openStore(folder);
    const synced = new Set(Object.values(entityTables).map((t) => t.table));
    const secretTables = ['portal_profiles', 'portal_codes', 'invited_emails', 'portal_sessions', 'portal_feedback', 'mail_outbox', 'technician_tokens', 'location_pings'];
    for (const table of secretTables) expect(synced.has(table), table).toBe(false);
    expect(synced.has('portal_settings')).toBe(true);
    const settings = { minLeadDays: 1, maxLeadDays: 20, minNoticeHours: 12, bookableIncidentTypeIds: [], slots: { arrivalWindows: [{ start: '08:00', end: '12:00' }] }, surveyEnabled: false };
    await store.transaction((tx) => tx.put('portalSettings', { id: 'portal', settings, version: 0 }));
    const changes = await store.read((tx) => tx.changesAfter(0, 10));
    expect(changes).toEqual([expect.objectContaining({ entity: 'portalSettings', id: 'portal', version: 1, data: { id: 'portal', settings, version: 1 } })]);
    const db = new Database(path.join(folder, 'hub.sqlite'), { readonly: true });
    open.push(db);
    expect(tables(db)).toEqual(expect.arrayContaining([...secretTables, 'portal_settings']));
    expect(version(db)).toBe(hubMigrations.length);
  });
});

describe('hub store migration 010 (external sign-in)', () => {
  it('carries identities from the unused profile columns, keeps one link per issuer account and per profile and issuer, and drops links and flows with the profile', () => {
    const db = memoryDb();
    migrate(db, ':memory:', hubMigrations.slice(0, 9));
    const [first, second] = [{ id: 'ct-1' }, { id: 'ct-2' }];
    // Profiles alone (their contacts do not matter to this step).
    db.pragma('foreign_keys = OFF');
    const insertProfile = db.prepare("INSERT INTO portal_profiles (contact_id, email_key, password_hash, language, oidc_issuer, oidc_subject, created_at, updated_at) VALUES (?, ?, 'h', 'en', ?, ?, 1, 2)");
    insertProfile.run(first!.id, 'a@x.example', 'https://sso.example', 'sub-a');
    insertProfile.run(second!.id, 'b@x.example', null, null);
    migrate(db, ':memory:', hubMigrations.slice(0, 10));
    expect(version(db)).toBe(10);
    expect(db.prepare('SELECT issuer, subject, contact_id, email, linked_at FROM portal_identities').all()).toEqual([{ issuer: 'https://sso.example', subject: 'sub-a', contact_id: first!.id, email: null, linked_at: 2 }]);
    const link = db.prepare('INSERT INTO portal_identities (issuer, subject, contact_id, email, linked_at) VALUES (?, ?, ?, NULL, 3)');
    expect(() => link.run('https://sso.example', 'sub-a', second!.id)).toThrow(/UNIQUE constraint failed: portal_identities.issuer, portal_identities.subject/);
    expect(() => link.run('https://sso.example', 'sub-other', first!.id)).toThrow(/UNIQUE constraint failed: portal_identities.contact_id, portal_identities.issuer/);
    const flow = db.prepare("INSERT INTO portal_oidc_flows (state_hash, purpose, browser_hash, issuer, code_verifier, nonce, contact_id, session_hash, attempt_json, created_at, expires_at) VALUES (?, ?, 'b', 'i', 'v', 'n', ?, ?, '{}', 1, 2)");
    flow.run('s1', 'link', first!.id, 'session');
    flow.run('s2', 'sign-in', null, null);
    expect(() => flow.run('s3', 'link', null, null)).toThrow(/CHECK constraint/);
    expect(() => flow.run('s4', 'sign-in', first!.id, 'session')).toThrow(/CHECK constraint/);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM portal_profiles WHERE contact_id = ?').run(first!.id);
    expect(db.prepare('SELECT COUNT(*) FROM portal_identities').pluck().get()).toBe(0);
    expect(db.prepare('SELECT state_hash FROM portal_oidc_flows').pluck().all()).toEqual(['s2']);
  });
});
