import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { encodeSnapshotRow } from '../../db-common/snapshot-cells';
import { entityTable, entityTablesChildrenFirst, type EntityTable } from '../../db-common/entity-tables';
import { SNAPSHOT_ROWS_PER_LINE, type SnapshotLine } from '../../shared/contract/snapshot-stream';
import type { HubStore } from '../store/hub-store';

/** Parents before children, so a console could apply lines as they come. */
const parentsFirst = [...entityTablesChildrenFirst].reverse();

/**
 * Writes every live row as of one snapshot to `out` as NDJSON (shared/contract/snapshot-stream.ts),
 * waiting whenever the client reads slower than the store. Ends `out` after the end line; on a
 * failure `out` is destroyed, so the client sees no end line and applies nothing (and it throws).
 */
export async function writeSnapshot(store: HubStore, out: Writable): Promise<void> {
  const write = async (line: SnapshotLine) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    if (out.destroyed) throw new Error('the client went away');
  };
  try {
    await store.readSnapshot(async (tx) => {
      await write({ kind: 'header', hub: await tx.identity(), cursor: await tx.latestChange() });
      let total = 0;
      for (const entity of parentsFirst) {
        const spec = entityTable(entity) as EntityTable;
        for await (const rows of tx.snapshotChunks(entity, SNAPSHOT_ROWS_PER_LINE)) {
          await write({ kind: 'rows', entity, rows: rows.map((r) => encodeSnapshotRow(spec, r.columns, r.changeNumber, r.children)) });
          total += rows.length;
        }
      }
      await write({ kind: 'end', rows: total });
    });
    out.end();
  } catch (error) {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
