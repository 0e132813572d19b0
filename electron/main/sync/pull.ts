import type { HubIdentity } from '../../../shared/contract/hub-http';
import type { StartOverReason } from '../../../shared/contract/ipc-contract';
import { entityNames, type EntityName } from '../../../shared/sync/synced-entities';
import { applyRowChange } from '../db/apply-row-change';
import { clearEntities } from '../db/entity-rows';
import type { Replica } from '../db/open-replica';
import { appendPullPage, clearPullStage, readPullStage, stagedChanges, startPullStage, type PullStage } from '../db/queries/pull-stage-queries';
import { readSyncState, setCursor, setHubIdentity, setLastSuccess } from '../db/queries/sync-state-queries';
import { restoreShadow } from '../db/replica-mutation-tx';
import { resumeSearchIndex, suspendSearchIndex } from '../db/search-index';
import { withWriteTransaction } from '../db/write-transaction';
import { HubError, type HubClient } from './hub-client';
import { rebasePending, type RebaseErrorListener } from './local-mutation';
import { applySnapshot } from './snapshot-download';
import { readSnapshot } from './snapshot-reader';

/** A pull this large rebuilds the search index in one pass rather than row by row. */
const BULK_PULL_ROWS = 5_000;

/** More identity changes than this within one pull means something is wrong at the address. */
const MAX_START_OVERS = 3;

export interface PullOptions {
  actor: string;
  now: () => number;
  pageSize?: number;
  /** Called after each page with the number of rows received so far. */
  onProgress?: (received: number) => void;
  /** Called when the hub turned out to be another one, or a restored one: the replica starts over. */
  onStartOver?: (why: Exclude<StartOverReason, 'requested'>) => void;
  /** Checked before each write; a pull for a session that is no longer current must not write. */
  stillCurrent?: () => boolean;
  /** A pending mutation threw while being re-applied over the pulled state. */
  onRebaseError: RebaseErrorListener;
  /** The snapshot reader's worker script (snapshot-reader.ts); the TypeScript source by default. */
  snapshotWorkerFile?: string;
}

export interface PullSummary {
  received: number;
  touched: Set<EntityName>;
  /** True when this pull replaced every row (a new or restored hub, or a full re-download). */
  replacedAll: boolean;
}

/** The sync session moved on (disconnected, connected elsewhere) while this pull ran. */
export class StalePullError extends Error {
  constructor() {
    super('The hub connection changed while pulling; this pull was dropped.');
    this.name = 'StalePullError';
  }
}

/**
 * From cursor 0 the store first comes as one snapshot (snapshotFirst). Then: pulls every page after the cursor into the stage (each page committed on its own, so a cut
 * connection resumes there), then applies the whole pull in ONE transaction: shadowed rows go
 * back to their server state, every staged change applies, the cursor advances and the pending
 * mutations are re-applied on top. Rows and their parents may sit in different pages in any
 * order of change numbers; only the finished whole must be consistent.
 *
 * Every page names the hub's store and epoch. Another store, a new epoch (restored from a
 * backup) or a cursor the hub has never reached means the replica's cursor is meaningless
 * there: the pull starts over from zero and replaces every row, keeping the outbox.
 */
export async function pull(db: Replica, client: HubClient, options: PullOptions): Promise<PullSummary> {
  const guard = () => {
    if (options.stillCurrent && !options.stillCurrent()) throw new StalePullError();
  };
  let stage = await resumableStage(db);
  let received = 0;
  let startOvers = 0;
  const fromSnapshot = stage.cursor === 0 ? await snapshotFirst(db, client, stage, options, guard) : undefined;
  if (fromSnapshot) {
    received = fromSnapshot.received;
    stage = await beginStage(db, { hub: fromSnapshot.hub, baseCursor: fromSnapshot.cursor, cursor: fromSnapshot.cursor, replacesAll: false });
  }
  const startOver = async (why: Exclude<StartOverReason, 'requested'>, hub: HubIdentity | null) => {
    if (++startOvers > MAX_START_OVERS) {
      throw new HubError('malformed', `The hub at ${client.baseUrl} keeps changing its identity between pages; are several hubs with separate stores behind one address? Nothing was applied.`);
    }
    guard();
    options.onStartOver?.(why);
    received = 0;
    return beginStage(db, { hub, baseCursor: 0, cursor: 0, replacesAll: true });
  };
  for (;;) {
    let page;
    try {
      page = await client.pull(stage.cursor, options.pageSize ?? 1000);
    } catch (error) {
      if (!(error instanceof HubError && error.code === 'cursor_from_future') || stage.cursor === 0) throw error;
      stage = await startOver('cursor_ahead', null);
      continue;
    }
    guard();
    if (stage.hub && !sameHub(stage.hub, page.hub)) {
      stage = await startOver(stage.hub.storeId !== page.hub.storeId ? 'other_hub' : 'restored', page.hub);
      continue;
    }
    const next = Math.max(stage.cursor, page.cursor);
    await withWriteTransaction(db, async () => {
      guard();
      appendPullPage(db, page.hub, page.changes, next);
    });
    stage = { ...stage, hub: page.hub, cursor: next };
    received += page.changes.length;
    options.onProgress?.(received);
    if (!page.hasMore || page.changes.length === 0) break;
  }
  const pagedRows = received - (fromSnapshot?.received ?? 0);
  const bulk = stage.replacesAll || stage.baseCursor === 0 || pagedRows >= BULK_PULL_ROWS;
  const touched = await applyStage(db, stage, options, guard, bulk);
  fromSnapshot?.touched.forEach((e) => touched.add(e));
  return { received, touched, replacedAll: stage.replacesAll || !!fromSnapshot };
}

/**
 * Pulling from nothing: the whole store comes as one snapshot stream, applied in one
 * transaction (snapshot-download.ts); the pages after it bring what changed meanwhile. A hub
 * without snapshots answers undefined, and after a snapshot broke off the next pulls page from
 * zero as before (resumable).
 */
async function snapshotFirst(db: Replica, client: HubClient, stage: PullStage, options: PullOptions, guard: () => void) {
  if (snapshotBrokeOff.has(db)) return undefined;
  guard();
  try {
    const body = await client.snapshot();
    if (!body) return undefined;
    const lines = readSnapshot(body, { baseUrl: client.baseUrl, ...(options.snapshotWorkerFile ? { workerFile: options.snapshotWorkerFile } : {}) });
    return await applySnapshot(db, lines, {
    actor: options.actor,
    now: options.now,
    guard,
    onRebaseError: options.onRebaseError,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onHeader: (hub) => {
        if (stage.hub && !sameHub(stage.hub, hub)) options.onStartOver?.(stage.hub.storeId !== hub.storeId ? 'other_hub' : 'restored');
      },
    });
  } catch (error) {
    if (!(error instanceof StalePullError)) snapshotBrokeOff.add(db);
    throw error;
  }
}

/**
 * Replicas whose snapshot broke off (cut link, malformed line): until the console restarts they
 * download page by page instead, which resumes where a cut left it.
 */
const snapshotBrokeOff = new WeakSet<Replica>();

/**
 * A stage left by an interrupted pull continues when it still starts where the replica stands
 * (or replaces everything anyway); otherwise a new one starts at the replica's cursor.
 */
async function resumableStage(db: Replica): Promise<PullStage> {
  const state = readSyncState(db);
  const staged = readPullStage(db);
  if (staged && canResume(staged, state.cursor, state.hub)) return { ...staged, hub: staged.hub ?? state.hub };
  return beginStage(db, { hub: state.hub, baseCursor: state.cursor, cursor: state.cursor, replacesAll: false });
}

function canResume(staged: PullStage, cursor: number, hub: HubIdentity | null): boolean {
  if (staged.replacesAll) return true;
  if (staged.baseCursor !== cursor) return false;
  return !staged.hub || !hub || sameHub(staged.hub, hub);
}

async function beginStage(db: Replica, stage: PullStage): Promise<PullStage> {
  await withWriteTransaction(db, async () => startPullStage(db, stage));
  return stage;
}

/**
 * Applies the whole stage in one transaction (foreign keys checked at its end). `bulk` (a first
 * or full download, or a large catch-up): the search index is rebuilt once at the end instead of
 * row by row, which costs a fraction of the time.
 */
async function applyStage(db: Replica, stage: PullStage, options: PullOptions, guard: () => void, bulk: boolean): Promise<Set<EntityName>> {
  const touched = new Set<EntityName>();
  await withWriteTransaction(db, async () => {
    guard();
    db.pragma('defer_foreign_keys = ON');
    if (bulk) suspendSearchIndex(db);
    restoreShadow(db).forEach((e) => touched.add(e));
    if (stage.replacesAll) {
      clearEntities(db);
      entityNames.forEach((e) => touched.add(e));
    }
    for (const changes of stagedChanges(db)) {
      for (const change of changes) {
        applyRowChange(db, change);
        touched.add(change.entity);
      }
    }
    if (bulk) resumeSearchIndex(db);
    setCursor(db, stage.cursor);
    if (stage.hub) setHubIdentity(db, stage.hub);
    setLastSuccess(db, options.now());
    clearPullStage(db);
    (await rebasePending(db, options.actor, options.onRebaseError)).forEach((e) => touched.add(e));
  });
  return touched;
}

/** Forgets a half-downloaded pull and makes the next one replace every row. */
export async function requestFullDownload(db: Replica): Promise<void> {
  await beginStage(db, { hub: readSyncState(db).hub, baseCursor: 0, cursor: 0, replacesAll: true });
}

function sameHub(a: HubIdentity, b: HubIdentity): boolean {
  return a.storeId === b.storeId && a.epoch === b.epoch;
}
