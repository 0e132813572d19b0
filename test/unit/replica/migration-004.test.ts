import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';

const open: Database.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('replica migration 004 (hub identity, staged pulls, failed outbox entries)', () => {
  it('keeps every queued and refused change, in order, through the outbox rebuild', () => {
    const db = new Database(':memory:');
    open.push(db);
    migrate(db, migrations.slice(0, 3));
    const insert = db.prepare('INSERT INTO outbox (mutation_id, name, args_json, created_at, attempts, state, refusal_reason, last_error, refusal_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('m1', 'cancelBooking', '{"bookingId":"b1"}', 10, 2, 'pending', null, 'hub down', null);
    insert.run('m2', 'moveBooking', '{"bookingId":"b2"}', 20, 1, 'refused', 'changed by someone else', null, 'version_conflict');
    db.prepare("DELETE FROM outbox WHERE mutation_id = 'm1'").run();
    insert.run('m3', 'pinBooking', '{"bookingId":"b3"}', 30, 0, 'pending', null, null, null);
    db.prepare("UPDATE sync_state SET cursor = 42, hub_url = 'http://hub' WHERE id = 1").run();
    const before = db.prepare('SELECT * FROM outbox ORDER BY seq').all();

    migrate(db);
    const after = db.prepare('SELECT seq, mutation_id, name, args_json, created_at, attempts, state, refusal_reason, last_error, refusal_code FROM outbox ORDER BY seq').all();
    expect(after).toEqual(before);
    expect(db.prepare('SELECT server_errors FROM outbox').pluck().all()).toEqual([0, 0]);
    expect(db.prepare('SELECT cursor, hub_url, hub_store_id, hub_epoch FROM sync_state').get()).toEqual({ cursor: 42, hub_url: 'http://hub', hub_store_id: null, hub_epoch: null });
    // AUTOINCREMENT goes on above the old sequence (m1's 1 is never reused), and 'failed' is a state now.
    insert.run('m4', 'unpinBooking', '{}', 40, 0, 'failed', null, 'server error', null);
    expect(db.prepare("SELECT seq FROM outbox WHERE mutation_id = 'm4'").pluck().get()).toBe(4);
    expect(() => insert.run('m5', 'x', '{}', 1, 0, 'lost', null, null, null)).toThrow(/CHECK constraint failed/);
  });
});
