import type { HubIdentity } from '../../../../shared/contract/hub-http';
import type { RowChange } from '../../../../shared/sync/synced-entities';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

/**
 * The pages of a pull not yet applied (migration 004). A stage belongs to one hub store and
 * epoch and continues from `baseCursor`; `replacesAll` marks a full download that will replace
 * every row (a new or restored hub, or "Re-download everything").
 */
export interface PullStage {
  hub: HubIdentity | null;
  baseCursor: number;
  /** Where the next page starts. */
  cursor: number;
  replacesAll: boolean;
}

interface StageSql {
  storeId: string;
  epoch: string;
  baseCursor: number;
  cursor: number;
  replacesAll: number;
}

export function readPullStage(db: Replica): PullStage | undefined {
  const row = prepareCached(
    db,
    'SELECT store_id AS storeId, epoch, base_cursor AS baseCursor, cursor, replaces_all AS replacesAll FROM pull_stage_state WHERE id = 1',
  ).get() as StageSql | undefined;
  if (!row) return undefined;
  return { hub: row.storeId ? { storeId: row.storeId, epoch: row.epoch } : null, baseCursor: row.baseCursor, cursor: row.cursor, replacesAll: row.replacesAll === 1 };
}

/** Replaces any stage with an empty one. Call inside a write transaction. */
export function startPullStage(db: Replica, stage: PullStage): void {
  clearPullStage(db);
  prepareCached(db, 'INSERT INTO pull_stage_state (id, store_id, epoch, base_cursor, cursor, replaces_all) VALUES (1, ?, ?, ?, ?, ?)').run(
    stage.hub?.storeId ?? '',
    stage.hub?.epoch ?? '',
    stage.baseCursor,
    stage.cursor,
    stage.replacesAll ? 1 : 0,
  );
}

/** Adds one validated page and moves the stage's cursor past it. Call inside a write transaction. */
export function appendPullPage(db: Replica, hub: HubIdentity, changes: readonly RowChange[], cursor: number): void {
  if (changes.length > 0) prepareCached(db, 'INSERT INTO pull_stage (changes_json) VALUES (?)').run(JSON.stringify(changes));
  prepareCached(db, 'UPDATE pull_stage_state SET store_id = ?, epoch = ?, cursor = ? WHERE id = 1').run(hub.storeId, hub.epoch, cursor);
}

/** The staged changes, page by page in arrival order (one page in memory at a time). */
export function* stagedChanges(db: Replica): Generator<RowChange[]> {
  const seqs = prepareCached(db, 'SELECT seq FROM pull_stage ORDER BY seq').pluck().all() as number[];
  const page = prepareCached(db, 'SELECT changes_json FROM pull_stage WHERE seq = ?').pluck();
  for (const seq of seqs) yield JSON.parse(page.get(seq) as string) as RowChange[];
}

export function clearPullStage(db: Replica): void {
  prepareCached(db, 'DELETE FROM pull_stage').run();
  prepareCached(db, 'DELETE FROM pull_stage_state').run();
}
