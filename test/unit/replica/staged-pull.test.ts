import { afterEach, describe, expect, it } from 'vitest';
import { countRows } from '../../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../../electron/main/db/open-replica';
import { readPullStage } from '../../../electron/main/db/queries/pull-stage-queries';
import { readSyncState } from '../../../electron/main/db/queries/sync-state-queries';
import type { HubClient } from '../../../electron/main/sync/hub-client';
import { pull, StalePullError } from '../../../electron/main/sync/pull';
import type { HubIdentity, PullResponse } from '../../../shared/contract/hub-http';
import { buildDemoDataset, datasetEntities, DEMO_SEED } from '../../../shared/demo/seed-builder';
import { entityKey, type EntityName, type EntityRow, type RowChange } from '../../../shared/sync/synced-entities';

const open: Replica[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function emptyReplica(): Replica {
  const db = openReplica(':memory:');
  open.push(db);
  db.prepare("UPDATE sync_state SET data_origin = 'hub', hub_url = 'http://hub.test' WHERE id = 1").run();
  return db;
}

/** The demo company as a hub's change log, parents first. */
function changeLog(): RowChange[] {
  const dataset = buildDemoDataset({ seed: DEMO_SEED, now: Date.UTC(2026, 10, 24, 15), technicians: 4, accounts: 12 });
  const changes: RowChange[] = [];
  for (const [key, entity] of datasetEntities) {
    for (const row of dataset[key]) {
      const id = entityKey(entity, row as EntityRow<EntityName>);
      changes.push({ entity, id, version: 1, changeNumber: changes.length + 1, deleted: false, data: { ...(row as object), ...(Object.hasOwn(row as object, 'version') ? { version: 1 } : {}) } });
    }
  }
  return changes;
}

/** A stand-in for the pull route of a hub without snapshots (pages from zero) over a fixed log, answering with `identity(requestNumber)`. */
function fakeHub(log: RowChange[], identity: (request: number) => HubIdentity): HubClient {
  let requests = 0;
  return {
    baseUrl: 'http://hub.test',
    snapshot: async () => undefined,
    async pull(cursor: number, limit: number): Promise<PullResponse> {
      const after = log.filter((c) => c.changeNumber > cursor);
      const changes = after.slice(0, limit);
      return { hub: identity(requests++), changes, cursor: changes.at(-1)?.changeNumber ?? cursor, hasMore: after.length > limit, latest: log.length };
    },
  } as unknown as HubClient;
}

const noRebaseErrors = () => {
  throw new Error('no pending mutations here');
};

describe('staged pull', () => {
  it('refuses two stores answering in turns at one address, and applies nothing from either', async () => {
    const db = emptyReplica();
    const a = { storeId: 'a', epoch: '1' };
    const b = { storeId: 'b', epoch: '1' };
    const client = fakeHub(changeLog(), (n) => (n % 2 === 0 ? a : b));
    await expect(pull(db, client, { actor: 't', now: Date.now, pageSize: 50, onRebaseError: noRebaseErrors })).rejects.toThrow(/keeps changing its identity/);
    expect(countRows(db, 'booking')).toBe(0);
    expect(readSyncState(db)).toMatchObject({ cursor: 0, hub: null });
  });

  it('drops a pull whose session ended while it ran: nothing applied, cursor unchanged', async () => {
    const db = emptyReplica();
    const log = changeLog();
    let current = true;
    const client = fakeHub(log, () => ({ storeId: 'a', epoch: '1' }));
    const pulling = pull(db, client, {
      actor: 't',
      now: Date.now,
      pageSize: 40,
      onRebaseError: noRebaseErrors,
      stillCurrent: () => current,
      onProgress: (received) => {
        if (received >= 120) current = false;
      },
    });
    await expect(pulling).rejects.toBeInstanceOf(StalePullError);
    expect(countRows(db, 'workOrder')).toBe(0);
    expect(readSyncState(db).cursor).toBe(0);
  });

  it('applies pages whose children come before their parents, and clears the stage', async () => {
    const db = emptyReplica();
    const log = changeLog();
    // Children first: every booking's change number is lower than its work order's.
    const reordered = [...log.filter((c) => c.entity === 'booking'), ...log.filter((c) => c.entity !== 'booking')].map((c, i) => ({ ...c, changeNumber: i + 1 }));
    const summary = await pull(db, fakeHub(reordered, () => ({ storeId: 'a', epoch: '1' })), { actor: 't', now: Date.now, pageSize: 7, onRebaseError: noRebaseErrors });
    expect(summary.received).toBe(log.length);
    expect(countRows(db, 'booking')).toBe(log.filter((c) => c.entity === 'booking').length);
    expect(readSyncState(db)).toMatchObject({ cursor: log.length, hub: { storeId: 'a', epoch: '1' } });
    expect(readPullStage(db)).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
