import type { SqlExecutor } from '../sql-executor';
import { numberOrNull, placeholders } from '../portal/sql-params';

/** A technician's CalDAV calendar as the hub keeps it (caldav_targets). The password stays in the hub. */
export interface CaldavTarget {
  resourceId: string;
  url: string;
  username: string;
  password: string;
  enabled: boolean;
  /** Commits that changed the technician's events since the last push. */
  dirty: number;
  reconciledAt: number | null;
  lastPushedAt: number | null;
}

interface Stored {
  resource_id: string;
  url: string;
  username: string;
  password: string;
  enabled: number | string;
  dirty: number | string;
  reconciled_at: number | null;
  last_pushed_at: number | null;
}

const toTarget = (r: Stored): CaldavTarget => ({
  resourceId: r.resource_id,
  url: r.url,
  username: r.username,
  password: r.password,
  enabled: Number(r.enabled) === 1,
  dirty: Number(r.dirty),
  reconciledAt: numberOrNull(r.reconciled_at),
  lastPushedAt: numberOrNull(r.last_pushed_at),
});

export async function caldavTarget(ex: SqlExecutor, resourceId: string): Promise<CaldavTarget | undefined> {
  const [row] = await ex.all<Stored>(`SELECT * FROM caldav_targets WHERE resource_id = ${ex.dialect.param(1)}`, [resourceId]);
  return row ? toTarget(row) : undefined;
}

export async function caldavTargets(ex: SqlExecutor): Promise<CaldavTarget[]> {
  return (await ex.all<Stored>('SELECT * FROM caldav_targets ORDER BY resource_id')).map(toTarget);
}

/**
 * Creates or replaces the technician's target. A saved target is due for a full comparison at
 * once (failed events waiting out their backoff included): a fixed password or address shows now.
 */
export async function saveCaldavTarget(ex: SqlExecutor, target: Pick<CaldavTarget, 'resourceId' | 'url' | 'username' | 'password' | 'enabled'>, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO caldav_targets (resource_id, url, username, password, enabled, dirty, created_at, updated_at) VALUES (${placeholders(ex, 8)})
     ON CONFLICT (resource_id) DO UPDATE SET url = excluded.url, username = excluded.username, password = excluded.password,
       enabled = excluded.enabled, dirty = caldav_targets.dirty + 1, reconciled_at = NULL, updated_at = excluded.updated_at`,
    [target.resourceId, target.url, target.username, target.password, target.enabled ? 1 : 0, 1, now, now],
  );
}

/** Cheap first look for the commit hook: a hub without CalDAV push pays one indexed read per write. */
export async function anyEnabledCaldavTarget(ex: SqlExecutor): Promise<boolean> {
  return (await ex.all('SELECT 1 FROM caldav_targets WHERE enabled = 1 LIMIT 1')).length > 0;
}

export async function markCaldavDirty(ex: SqlExecutor, resourceIds: readonly string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  await ex.run(`UPDATE caldav_targets SET dirty = dirty + 1 WHERE enabled = 1 AND ${ex.dialect.inList('resource_id', 1)}`, [ex.dialect.keyList(resourceIds)]);
}

/**
 * Enabled technicians with something to push and nobody's lease on them: changed since the last
 * push, a failed event due again, or due for the periodic full comparison.
 */
export async function dueCaldavTargets(ex: SqlExecutor, now: number, reconcileBefore: number): Promise<string[]> {
  const p = ex.dialect.param;
  const rows = await ex.all<{ resource_id: string }>(
    `SELECT t.resource_id FROM caldav_targets t WHERE t.enabled = 1 AND (t.claim_expires_at IS NULL OR t.claim_expires_at <= ${p(1)})
       AND (t.dirty > 0 OR t.reconciled_at IS NULL OR t.reconciled_at <= ${p(2)}
            OR EXISTS (SELECT 1 FROM caldav_events e WHERE e.resource_id = t.resource_id AND e.last_error IS NOT NULL AND e.next_attempt_at <= ${p(3)}))
     ORDER BY t.resource_id`,
    [now, reconcileBefore, now],
  );
  return rows.map((r) => r.resource_id);
}

/**
 * Takes the lease on an enabled technician for `token` until `now + leaseMs`, when nobody holds
 * a current one. One UPDATE is the claim on both engines: PostgreSQL re-checks the condition
 * after a concurrent claimant commits, so only one of two instances gets the row.
 */
export async function claimCaldavTarget(ex: SqlExecutor, claim: { resourceId: string; token: string; now: number; leaseMs: number }): Promise<CaldavTarget | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<Stored>(
    `UPDATE caldav_targets SET claim_token = ${p(1)}, claim_expires_at = ${p(2)}
     WHERE resource_id = ${p(3)} AND enabled = 1 AND (claim_expires_at IS NULL OR claim_expires_at <= ${p(4)}) RETURNING *`,
    [claim.token, claim.now + claim.leaseMs, claim.resourceId, claim.now],
  );
  return row ? toTarget(row) : undefined;
}

/**
 * Extends the lease; false when it was lost: expired and taken by another instance, the target
 * turned off, or its address changed (the event just written went to the old calendar).
 */
export async function renewCaldavClaim(ex: SqlExecutor, claim: { resourceId: string; url: string; token: string; now: number; leaseMs: number }, pushed: boolean): Promise<boolean> {
  const p = ex.dialect.param;
  const changed = await ex.run(
    `UPDATE caldav_targets SET claim_expires_at = ${p(1)}, last_pushed_at = CASE WHEN ${p(2)} = 1 THEN ${p(3)} ELSE last_pushed_at END
     WHERE resource_id = ${p(4)} AND url = ${p(5)} AND claim_token = ${p(6)} AND enabled = 1`,
    [claim.now + claim.leaseMs, pushed ? 1 : 0, claim.now, claim.resourceId, claim.url, claim.token],
  );
  return changed > 0;
}

/**
 * Hands the lease back. `dirtySeen` is the count read when a finished push began: a commit that
 * came in meanwhile raised it, so the technician stays dirty and is pushed again; null (the push
 * did not finish) leaves it dirty.
 */
export async function releaseCaldavTarget(ex: SqlExecutor, release: { resourceId: string; token: string; dirtySeen: number | null; reconciledAt: number | null }): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(
    `UPDATE caldav_targets SET claim_token = NULL, claim_expires_at = NULL, dirty = CASE WHEN dirty = ${p(1)} THEN 0 ELSE dirty END,
       reconciled_at = COALESCE(${p(2)}, reconciled_at)
     WHERE resource_id = ${p(3)} AND claim_token = ${p(4)}`,
    // -1 matches no count: the technician stays dirty.
    [release.dirtySeen ?? -1, release.reconciledAt, release.resourceId, release.token],
  );
}
