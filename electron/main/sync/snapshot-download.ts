import { decodeSnapshotRow } from '../../../db-common/snapshot-cells';
import { entityTable } from '../../../db-common/entity-tables';
import type { HubIdentity } from '../../../shared/contract/hub-http';
import type { SnapshotLine } from '../../../shared/contract/snapshot-stream';
import { entityNames, syncedEntitySchemas, type EntityName, type EntityRow } from '../../../shared/sync/synced-entities';
import { BulkRowError, startBulkLoad, type BulkLoad } from '../db/bulk-load';
import type { Replica } from '../db/open-replica';
import { clearPullStage } from '../db/queries/pull-stage-queries';
import { setCursor, setHubIdentity, setLastSuccess } from '../db/queries/sync-state-queries';
import { restoreShadow } from '../db/replica-mutation-tx';
import { BrokenReferencesError, withWriteTransaction } from '../db/write-transaction';
import { HubError } from './hub-client';
import { rebasePending, type RebaseErrorListener } from './local-mutation';

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
 * its entity's schema as it arrives), the cursor moves to the snapshot's change number and the
 * pending mutations are re-applied on top. A stream that breaks off or carries one bad row
 * rolls everything back. Writing as the rows arrive, rather than staging them first, is what
 * makes a 300,000-row first sync take seconds.
 */
export async function applySnapshot(db: Replica, lines: AsyncGenerator<SnapshotLine>, options: SnapshotOptions): Promise<SnapshotApplied> {
  const first = await lines.next();
  if (first.done || first.value.kind !== 'header') throw malformed('does not start with its header');
  const { hub, cursor } = first.value;
  options.onHeader(hub);
  try {
    // References are checked once at the end: 300,000 rows, each looking up its parents, cost seconds.
    return await withWriteTransaction(db, () => replaceEverything(db, lines, { hub, cursor }, options), { foreignKeys: 'checkAtEnd' });
  } catch (error) {
    if (error instanceof BrokenReferencesError) throw malformed(`has ${error.message}`);
    throw error;
  }
}

async function replaceEverything(db: Replica, lines: AsyncGenerator<SnapshotLine>, from: { hub: HubIdentity; cursor: number }, options: SnapshotOptions): Promise<SnapshotApplied> {
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
    for (const cells of line.rows) writeSnapshotRow(load, line.entity, cells, ++received);
    options.onProgress?.(received);
  }
  options.guard();
  finishLoad(load);
  setCursor(db, from.cursor);
  setHubIdentity(db, from.hub);
  setLastSuccess(db, options.now());
  clearPullStage(db);
  const touched = new Set<EntityName>(entityNames);
  (await rebasePending(db, options.actor, options.onRebaseError)).forEach((e) => touched.add(e));
  return { ...from, received, touched };
}

/** Decodes and validates one snapshot row (the `nth` of the stream) and queues it for the replica. */
function writeSnapshotRow(load: BulkLoad, entity: EntityName, cells: unknown, nth: number): void {
  let decoded;
  try {
    decoded = decodeSnapshotRow(entity, cells);
  } catch (error) {
    throw malformed(`has a malformed ${rowName(entity, cells, nth)} (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = syncedEntitySchemas[entity].safeParse(decoded.row);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || entity}: ${i.message}`).join('; ');
    throw malformed(`has an invalid ${rowName(entity, cells, nth)} (${detail})`);
  }
  if (!Number.isInteger(decoded.version) || decoded.version < 0 || !Number.isInteger(decoded.changeNumber) || decoded.changeNumber < 1) {
    throw malformed(`has a ${rowName(entity, cells, nth)} without a valid version and change number`);
  }
  try {
    load.add(entity, parsed.data as EntityRow<typeof entity>, decoded.version, decoded.changeNumber);
  } catch (error) {
    throw refusedRow(error);
  }
}

function finishLoad(load: BulkLoad): void {
  try {
    load.finish();
  } catch (error) {
    throw refusedRow(error);
  }
}

/** A row the replica's own constraints refuse (a key sent twice, say) is the snapshot's fault too. */
function refusedRow(error: unknown): unknown {
  if (!(error instanceof BulkRowError)) return error;
  return malformed(`has a ${error.entity} row ${JSON.stringify(error.key)} the replica refuses (${error.reason})`);
}

/** "booking row "bkg-1" (row 12 of the snapshot)": the key when the row has a readable one. */
function rowName(entity: EntityName, cells: unknown, nth: number): string {
  const key = Array.isArray(cells) ? cells[keyCell(entity)] : undefined;
  const named = typeof key === 'string' && key.length > 0 ? ` ${JSON.stringify(key.slice(0, 80))}` : '';
  return `${entity} row${named} (row ${nth} of the snapshot)`;
}

const keyCell = (entity: EntityName) => entityTable(entity).columns.findIndex((c) => c.column === entityTable(entity).key);

function malformed(what: string): HubError {
  return new HubError('malformed', `The hub's snapshot ${what}; nothing from it was applied.`);
}
