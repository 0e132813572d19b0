import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { HubIdentity } from '../../shared/contract/hub-http';

/**
 * Restore detection for the SQLite store. Beside `hub.sqlite` the hub keeps `hub.lineage.json`:
 * the store id, epoch and newest change number it has seen. A store file that is behind that
 * record (or of an older epoch) was put back from a backup, so its change numbers will repeat
 * ones consoles already hold; it gets a new epoch, which tells every console to start over.
 * The record lags the file by at most the write interval, so only a backup taken in the last
 * moments before a crash can go unnoticed; `hub restore` starts a new epoch in every case.
 */

const LineageSchema = z.object({ storeId: z.string(), epoch: z.string(), latestChange: z.number().int().nonnegative() });
type Lineage = z.infer<typeof LineageSchema>;

const WRITE_INTERVAL_MS = 1_000;

export function lineageFile(storeFile: string): string {
  return storeFile.replace(/\.sqlite$/, '') + '.lineage.json';
}

function readLineage(file: string): Lineage | undefined {
  try {
    const parsed = LineageSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function writeLineage(file: string, lineage: Lineage): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(lineage));
  renameSync(temporary, file);
}

function storeIdentity(db: Database.Database): HubIdentity {
  return db.prepare('SELECT store_id AS storeId, epoch FROM store_identity WHERE "only" = 1').get() as HubIdentity;
}

function latestChange(db: Database.Database): number {
  return (db.prepare('SELECT latest FROM change_counter WHERE "only" = 1').get() as { latest: number }).latest;
}

/** Starts a new epoch: consoles that synced with the previous one will start over. */
export function startNewEpoch(db: Database.Database, now = Date.now()): HubIdentity {
  db.prepare('UPDATE store_identity SET epoch = ?, epoch_started_at = ? WHERE "only" = 1').run(randomBytes(16).toString('hex'), now);
  return storeIdentity(db);
}

/** Records the store's current identity and newest change as its lineage (after a restore). */
export function recordLineage(db: Database.Database, file: string): HubIdentity {
  const identity = storeIdentity(db);
  writeLineage(file, { ...identity, latestChange: latestChange(db) });
  return identity;
}

export interface LineageCheck {
  identity: HubIdentity;
  /** Set when the file was found behind its lineage record and a new epoch was started. */
  restoredFrom?: { recordedLatest: number; fileLatest: number; previousEpoch: string };
}

/** Compares the opened store with its lineage record (see above) and brings the record up to date. */
export function reconcileLineage(db: Database.Database, file: string): LineageCheck {
  const recorded = readLineage(file);
  let identity = storeIdentity(db);
  const fileLatest = latestChange(db);
  let restoredFrom: LineageCheck['restoredFrom'];
  const sameStore = recorded?.storeId === identity.storeId;
  if (recorded && sameStore && (fileLatest < recorded.latestChange || recorded.epoch !== identity.epoch)) {
    restoredFrom = { recordedLatest: recorded.latestChange, fileLatest, previousEpoch: identity.epoch };
    identity = startNewEpoch(db);
  }
  writeLineage(file, { ...identity, latestChange: fileLatest });
  return { identity, ...(restoredFrom ? { restoredFrom } : {}) };
}

/** Keeps the lineage record close behind the store: written at most once a second, and on close. */
export class LineageRecorder {
  private timer: NodeJS.Timeout | undefined;
  private latest: number | undefined;

  constructor(
    private readonly file: string,
    private readonly identity: HubIdentity,
  ) {}

  noteChange(latest: number): void {
    this.latest = latest;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), WRITE_INTERVAL_MS);
    this.timer.unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.latest === undefined) return;
    try {
      writeLineage(this.file, { ...this.identity, latestChange: this.latest });
    } catch {
      // A missed record only weakens restore detection; it must never fail a commit.
    }
  }
}
