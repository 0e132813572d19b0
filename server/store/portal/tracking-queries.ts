import type { SqlExecutor } from '../sql-executor';
import { placeholders } from './sql-params';

/** Technician API tokens (SHA-256 hashed) and reported positions: never synced. */

export async function insertTechnicianToken(ex: SqlExecutor, token: { tokenHash: string; resourceId: string; createdAt: number; createdBy: string }): Promise<void> {
  await ex.run(`INSERT INTO technician_tokens (token_hash, resource_id, created_at, created_by) VALUES (${placeholders(ex, 4)})`, [
    token.tokenHash,
    token.resourceId,
    token.createdAt,
    token.createdBy,
  ]);
}

/** Revokes every live token of the technician (issuing a new one replaces the old). */
export async function revokeTechnicianTokens(ex: SqlExecutor, resourceId: string, now: number): Promise<number> {
  const p = ex.dialect.param;
  return ex.run(`UPDATE technician_tokens SET revoked_at = ${p(1)} WHERE resource_id = ${p(2)} AND revoked_at IS NULL`, [now, resourceId]);
}

export async function findTechnicianToken(ex: SqlExecutor, tokenHash: string): Promise<{ resourceId: string } | undefined> {
  const [row] = await ex.all<{ resource_id: string }>(`SELECT resource_id FROM technician_tokens WHERE token_hash = ${ex.dialect.param(1)} AND revoked_at IS NULL`, [tokenHash]);
  return row && { resourceId: row.resource_id };
}

export interface LocationPing {
  resourceId: string;
  lat: number;
  lng: number;
  accuracyMeters: number | null;
  at: number;
  receivedAt: number;
}

export async function insertPing(ex: SqlExecutor, ping: LocationPing): Promise<void> {
  await ex.run(`INSERT INTO location_pings (resource_id, lat, lng, accuracy_meters, at, received_at) VALUES (${placeholders(ex, 6)})`, [
    ping.resourceId,
    ping.lat,
    ping.lng,
    ping.accuracyMeters,
    ping.at,
    ping.receivedAt,
  ]);
}

/** The technician's latest position (by when it was taken: a ping delayed in transit does not replace a newer one). */
export async function lastPing(ex: SqlExecutor, resourceId: string): Promise<LocationPing | undefined> {
  const [row] = await ex.all<{ resource_id: string; lat: number; lng: number; accuracy_meters: number | null; at: number; received_at: number }>(
    `SELECT * FROM location_pings WHERE resource_id = ${ex.dialect.param(1)} ORDER BY at DESC, id DESC LIMIT 1`,
    [resourceId],
  );
  return (
    row && {
      resourceId: row.resource_id,
      lat: Number(row.lat),
      lng: Number(row.lng),
      accuracyMeters: row.accuracy_meters === null ? null : Number(row.accuracy_meters),
      at: Number(row.at),
      receivedAt: Number(row.received_at),
    }
  );
}

/** When the technician's last ping arrived (the rate bound counts arrivals). */
export async function lastPingReceivedAt(ex: SqlExecutor, resourceId: string): Promise<number | undefined> {
  const [row] = await ex.all<{ latest: number | null }>(`SELECT MAX(received_at) AS latest FROM location_pings WHERE resource_id = ${ex.dialect.param(1)}`, [resourceId]);
  return row?.latest === null || row?.latest === undefined ? undefined : Number(row.latest);
}
