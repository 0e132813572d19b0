import type { EntityName, RowChange } from '../../shared/sync/synced-entities';
import { readRows } from './entity-store';
import type { SqlExecutor } from './sql-executor';

/**
 * `row_changes`: one row per entity row (live or deleted) with its version and the change
 * number of its last change. A transaction collects what it wrote in a PendingChanges and only
 * takes change numbers when it ends, with `UPDATE change_counter … RETURNING`: in PostgreSQL
 * that row lock is held until commit, so the next transaction gets its numbers only after this
 * one committed. Numbers therefore follow commit order and a pull that has seen N never misses
 * a change numbered below N that commits later. (SQLite has one writer, so order is trivial.)
 */

export interface PendingChange {
  entity: EntityName;
  id: string;
  version: number;
  deleted: boolean;
}

const keyOf = (entity: EntityName, id: string) => `${entity}\u0000${id}`;

/** What a transaction wrote, last write of each row last (that is the order its numbers follow). */
export class PendingChanges {
  private changes = new Map<string, PendingChange>();

  get size(): number {
    return this.changes.size;
  }

  get(entity: EntityName, id: string): PendingChange | undefined {
    return this.changes.get(keyOf(entity, id));
  }

  set(change: PendingChange): void {
    const key = keyOf(change.entity, change.id);
    this.changes.delete(key);
    this.changes.set(key, change);
  }

  /** A copy to go back to when a savepoint is rolled back. */
  snapshot(): Map<string, PendingChange> {
    return new Map(this.changes);
  }

  restore(snapshot: Map<string, PendingChange>): void {
    this.changes = snapshot;
  }

  list(): PendingChange[] {
    return [...this.changes.values()];
  }
}

/** The stored version of a row (0 when it never existed); with `lock`, its row_changes row is locked (PostgreSQL). */
export async function storedVersion(ex: SqlExecutor, entity: EntityName, id: string, options: { liveOnly: boolean; lock: boolean }): Promise<number> {
  const p = ex.dialect.param;
  const live = options.liveOnly ? (ex.dialect.name === 'postgres' ? ' AND NOT deleted' : ' AND deleted = 0') : '';
  const sql = `SELECT version FROM row_changes WHERE entity = ${p(1)} AND id = ${p(2)}${live}${options.lock ? ' FOR UPDATE' : ''}`;
  const [row] = await ex.all<{ version: number }>(sql, [entity, id]);
  return row ? Number(row.version) : 0;
}

/** Takes change numbers for everything pending and records them; answers the newest. */
export async function commitChanges(ex: SqlExecutor, pending: readonly PendingChange[]): Promise<number> {
  const p = ex.dialect.param;
  const [counter] = await ex.all<{ latest: number }>(`UPDATE change_counter SET latest = latest + ${p(1)} WHERE "only" = 1 RETURNING latest`, [pending.length]);
  const latest = Number(counter!.latest);
  const first = latest - pending.length + 1;
  if (ex.dialect.name === 'postgres') {
    await ex.run(
      `INSERT INTO row_changes (entity, id, version, deleted, change_number)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::boolean[], $5::bigint[])
       ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, change_number = excluded.change_number`,
      [pending.map((c) => c.entity), pending.map((c) => c.id), pending.map((c) => c.version), pending.map((c) => c.deleted), pending.map((_, i) => first + i)],
    );
  } else {
    const sql = `INSERT INTO row_changes (entity, id, version, deleted, change_number) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, change_number = excluded.change_number`;
    for (const [i, c] of pending.entries()) await ex.run(sql, [c.entity, c.id, c.version, c.deleted, first + i]);
  }
  return latest;
}

interface ChangeSql {
  entity: EntityName;
  id: string;
  version: number;
  change_number: number;
  deleted: boolean | number;
}

/** Row changes after `cursor`, oldest first, at most `limit`, each with its row (tombstones: null). */
export async function changesAfter(ex: SqlExecutor, cursor: number, limit: number): Promise<RowChange[]> {
  const p = ex.dialect.param;
  const changes = await ex.all<ChangeSql>(
    `SELECT entity, id, version, change_number, deleted FROM row_changes WHERE change_number > ${p(1)} ORDER BY change_number LIMIT ${p(2)}`,
    [cursor, limit],
  );
  const liveIds = new Map<EntityName, string[]>();
  for (const c of changes) {
    if (c.deleted === true || c.deleted === 1) continue;
    let ids = liveIds.get(c.entity);
    if (!ids) liveIds.set(c.entity, (ids = []));
    ids.push(c.id);
  }
  const rows = new Map<EntityName, Map<string, unknown>>();
  for (const [entity, ids] of liveIds) rows.set(entity, await readRows(ex, entity, ids));
  return changes.map((c) => {
    const deleted = c.deleted === true || c.deleted === 1;
    return { entity: c.entity, id: c.id, version: Number(c.version), changeNumber: Number(c.change_number), deleted, data: deleted ? null : (rows.get(c.entity)?.get(c.id) ?? null) };
  });
}
