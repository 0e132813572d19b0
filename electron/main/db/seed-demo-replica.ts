import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';
import { clearEntities } from './entity-rows';
import { dataOrigin, markDemo } from './queries/sync-state-queries';
import type { Replica } from './open-replica';
import { insertDataset } from './writes/insert-dataset';
import { prepareCached } from '../../../db-common/sqlite-statement-cache';

const DAY_MS = 86_400_000;
/** A fresh demo reaches 13 days ahead; once less than a week of it is left, the board starts to empty. */
const STALE_WHEN_LESS_AHEAD_MS = 7 * DAY_MS;

/**
 * Fills an empty replica with demo data on first start, and rebuilds demo data that has gone
 * stale (its three weeks have passed) as long as nobody changed it — a demo that someone worked
 * on is left alone, so nothing typed is ever lost. Hub data is never touched.
 */
export function seedDemoIfEmpty(db: Replica, now: number): boolean {
  const origin = dataOrigin(db);
  if (origin === 'empty') return writeDemo(db, now);
  if (origin === 'demo' && isStaleUntouchedDemo(db, now)) return writeDemo(db, now, { replace: true });
  return false;
}

function isStaleUntouchedDemo(db: Replica, now: number): boolean {
  const lastStart = prepareCached(db, 'SELECT MAX(start_ms) FROM bookings').pluck().get() as number | null;
  const edited = prepareCached(db, 'SELECT EXISTS (SELECT 1 FROM audit_log)').pluck().get() === 1;
  return !edited && (lastStart === null || lastStart < now + STALE_WHEN_LESS_AHEAD_MS);
}

function writeDemo(db: Replica, now: number, options: { replace?: boolean } = {}): boolean {
  db.transaction(() => {
    if (options.replace) clearEntities(db);
    insertDataset(db, buildDemoDataset({ seed: DEMO_SEED, now }));
    markDemo(db);
  })();
  return true;
}
