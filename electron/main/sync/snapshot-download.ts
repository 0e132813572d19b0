import type { HubIdentity } from '../../../shared/contract/hub-http';
import { entityNames, type EntityName } from '../../../shared/sync/synced-entities';
import { BulkRowError, startBulkLoad } from '../db/bulk-load';
import type { Replica } from '../db/open-replica';
import { clearPullStage } from '../db/queries/pull-stage-queries';
import { setCursor, setHubIdentity, setLastSuccess } from '../db/queries/sync-state-queries';
import { restoreShadow } from '../db/replica-mutation-tx';
import { BrokenReferencesError, withWriteTransaction } from '../db/write-transaction';
import { HubError } from './hub-client';
import { rebasePending, type RebaseErrorListener } from './local-mutation';
import { snapshotProblem, type PreparedLine } from './snapshot-rows';

export interface SnapshotApplied {
  hub: HubIdentity;
  cursor: number;
  received: number;
  touched: Set<EntityName>;
}

export interface SnapshotOptions {
  actor: string;
  now: () => number;
  onProgress?: (received: number) => void;
  /** Called with the snapshot's hub before anything is written; throwing stops the download. */
  onHeader: (hub: HubIdentity) => void;
  /** Checked before writing; a download for a session that is no longer current must not write. */
  guard: () => void;
  onRebaseError: RebaseErrorListener;
}

/**
 * A first (or complete) download from the hub's snapshot stream, in ONE write transaction: the
 * shadowed rows go back, every entity row is replaced by the snapshot's (each row checked with
 * its entity's schema by the snapshot reader's worker, snapshot-reader.ts), the cursor moves to
 * the snapshot's change number and the pending mutations are re-applied on top. A stream that breaks off or carries one bad row
 * rolls everything back. Writing as the rows arrive, rather than staging them first, is what
 * makes a 300,000-row first sync take seconds.
 */
export async function applySnapshot(db: Replica, lines: AsyncGenerator<PreparedLine>, options: SnapshotOptions): Promise<SnapshotApplied> {
  try {
    const first = await lines.next();
    if (first.done || first.value.kind !== 'header') throw malformed('does not start with its header');
    const { hub, cursor } = first.value;
    options.onHeader(hub);
    // References are checked once at the end: 300,000 rows, each looking up its parents, cost seconds.
    return await withWriteTransaction(db, () => replaceEverything(db, lines, { hub, cursor }, options), { foreignKeys: 'checkAtEnd' });
  } catch (error) {
    if (error instanceof BrokenReferencesError) throw malformed(`has ${error.message}`);
    throw error;
  } finally {
    // Stops the reader (its worker, the hub's stream) when the download ended before the stream did.
    await lines.return(undefined);
  }
}

async function replaceEverything(db: Replica, lines: AsyncGenerator<PreparedLine>, from: { hub: HubIdentity; cursor: number }, options: SnapshotOptions): Promise<SnapshotApplied> {
  options.guard();
  restoreShadow(db);
  // Every index (the search index too) is built once after the last row: see bulk-load.ts.
  const load = startBulkLoad(db);
  let received = 0;
  for (;;) {
    const next = await lines.next();
    if (next.done) throw malformed('ended before its end line');
    const line = next.value;
    if (line.kind === 'end') {
      if (line.rows !== received) throw malformed(`counted ${line.rows} rows but sent ${received}`);
      break;
    }
    if (line.kind !== 'rows') throw malformed('sent a second header');
    written(() => load.addPrepared(line.entity, line.tables));
    received += line.count;
    options.onProgress?.(received);
  }
  options.guard();
  written(() => load.finish());
  setCursor(db, from.cursor);
  setHubIdentity(db, from.hub);
  setLastSuccess(db, options.now());
  clearPullStage(db);
  const touched = new Set<EntityName>(entityNames);
  (await rebasePending(db, options.actor, options.onRebaseError)).forEach((e) => touched.add(e));
  return { ...from, received, touched };
}

/** A row the replica's own constraints refuse (a key sent twice, say) is the snapshot's fault too. */
function written(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof BulkRowError)) throw error;
    throw malformed(`has a ${error.entity} row ${JSON.stringify(error.key)} the replica refuses (${error.reason})`);
  }
}

function malformed(what: string): HubError {
  return new HubError('malformed', snapshotProblem(what));
}
