import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';
import type { Replica } from './open-replica';
import { insertDataset } from './writes/insert-dataset';


/** Fills an empty replica with demo data on first start. A replica that holds data is left alone. */
export function seedDemoIfEmpty(db: Replica, now: number): boolean {
  const origin = db.prepare('SELECT data_origin FROM sync_state WHERE id = 1').pluck().get();
  if (origin !== 'empty') return false;
  db.transaction(() => {
    insertDataset(db, buildDemoDataset({ seed: DEMO_SEED, now }));
    db.prepare("UPDATE sync_state SET data_origin = 'demo' WHERE id = 1").run();
  })();
  return true;
}
