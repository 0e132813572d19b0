import { PassThrough, type Writable } from 'node:stream';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { entityTablesChildrenFirst } from '../../db-common/entity-tables';
import { SNAPSHOT_ROWS_PER_LINE, type SnapshotLine } from '../../shared/contract/snapshot-stream';
import type { HubStore } from '../store/hub-store';

/** Parents before children, so a console could apply lines as they come. */
const parentsFirst = [...entityTablesChildrenFirst].reverse();

/**
 * How far the hub may write ahead of the console: several lines, so reading the next chunk
 * overlaps with the console applying the last one instead of waiting for each to drain.
 */
const WRITE_AHEAD_BYTES = 8 * 1024 * 1024;

/** The response body a snapshot is written into. */
export function snapshotBody(): PassThrough {
  return new PassThrough({ highWaterMark: WRITE_AHEAD_BYTES });
}

/**
 * Writes every live row as of one snapshot to `out` as NDJSON (shared/contract/snapshot-stream.ts),
 * waiting whenever the client reads slower than the store. Ends `out` after the end line; on a
 * failure `out` is destroyed, so the client sees no end line and applies nothing (and it throws).
 */
export async function writeSnapshot(store: HubStore, out: Writable): Promise<void> {
  const write = async (line: SnapshotLine) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await drainedOrClosed(out);
    // SQLite answers synchronously: without a turn of the event loop between lines, nothing
    // reached the socket until 8 MB were written ahead, and the console waited a quarter second
    // for its first byte.
    else await yieldToIo();
    if (out.destroyed) throw new Error('the client went away');
  };
  try {
    await store.readSnapshot(async (tx) => {
      await write({ kind: 'header', hub: await tx.identity(), cursor: await tx.latestChange() });
      let total = 0;
      for (const entity of parentsFirst) {
        for await (const rows of tx.snapshotCells(entity, SNAPSHOT_ROWS_PER_LINE)) {
          await write({ kind: 'rows', entity, rows });
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

/** Resolves on 'drain' or 'close', leaving no listener behind (hundreds of lines wait here). */
function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
