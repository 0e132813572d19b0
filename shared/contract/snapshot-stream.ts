import { z } from 'zod';
import { EntityNameSchema } from '../sync/synced-entities';
import { HubIdentitySchema } from './hub-http';

/**
 * GET /api/v1/sync/snapshot: every live row of the hub as of one moment, for a console's first
 * (or complete) download — one JSON value per line (NDJSON): a header, chunks of rows of one
 * entity as flat arrays (db-common/snapshot-cells.ts lays them out), and an end line counting
 * the rows, without which a console applies nothing. After it, the console pulls changes after
 * `cursor` as usual.
 */
export const SnapshotHeaderSchema = z.object({ kind: z.literal('header'), hub: HubIdentitySchema, cursor: z.number().int().nonnegative() });
export const SnapshotRowsSchema = z.object({ kind: z.literal('rows'), entity: EntityNameSchema, rows: z.array(z.unknown()).max(10_000) });
export const SnapshotEndSchema = z.object({ kind: z.literal('end'), rows: z.number().int().nonnegative() });
export const SnapshotLineSchema = z.discriminatedUnion('kind', [SnapshotHeaderSchema, SnapshotRowsSchema, SnapshotEndSchema]);
export type SnapshotLine = z.infer<typeof SnapshotLineSchema>;

/** Rows per line: big enough that per-line costs vanish, small enough to stream steadily. */
export const SNAPSHOT_ROWS_PER_LINE = 2_000;
