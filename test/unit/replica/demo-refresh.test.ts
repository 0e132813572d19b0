import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReplica } from '../../../electron/main/db/open-replica';
import { seedDemoIfEmpty } from '../../../electron/main/db/seed-demo-replica';

const DAY_MS = 86_400_000;
const firstStart = Date.UTC(2026, 10, 23, 16);

function demoReplica() {
  const db = openReplica(path.join(mkdtempSync(path.join(tmpdir(), 'dd-demo-')), 'replica.sqlite'));
  expect(seedDemoIfEmpty(db, firstStart)).toBe(true);
  return db;
}

const latestStart = (db: ReturnType<typeof openReplica>) => db.prepare('SELECT MAX(start_ms) FROM bookings').pluck().get() as number;

describe('demo data over time', () => {
  it('is left alone while it still covers the coming week', () => {
    const db = demoReplica();
    const before = latestStart(db);
    expect(seedDemoIfEmpty(db, firstStart + 3 * DAY_MS)).toBe(false);
    expect(latestStart(db)).toBe(before);
    db.close();
  });

  it('is rebuilt around today once its weeks have passed, so the board is never empty', () => {
    const db = demoReplica();
    const later = firstStart + 30 * DAY_MS;
    expect(seedDemoIfEmpty(db, later)).toBe(true);
    expect(latestStart(db)).toBeGreaterThan(later + 10 * DAY_MS);
    expect(db.prepare('SELECT COUNT(*) FROM resources').pluck().get()).toBe(40);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('is kept, however old, once someone changed it: nothing typed is lost', () => {
    const db = demoReplica();
    db.prepare("INSERT INTO audit_log (id, at, actor, entity, entity_id, action) VALUES ('a1', 0, 'Demo user', 'booking', 'bkg-00001', 'status:traveling')").run();
    const before = latestStart(db);
    expect(seedDemoIfEmpty(db, firstStart + 30 * DAY_MS)).toBe(false);
    expect(latestStart(db)).toBe(before);
    db.close();
  });

  it('never replaces a hub replica', () => {
    const db = demoReplica();
    db.prepare("UPDATE sync_state SET data_origin = 'hub' WHERE id = 1").run();
    expect(seedDemoIfEmpty(db, firstStart + 30 * DAY_MS)).toBe(false);
    db.close();
  });
});
