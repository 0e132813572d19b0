import { afterEach, describe, expect, it } from 'vitest';
import { applyRowChange } from '../../../electron/main/db/apply-row-change';
import { clearEntities, writeEntity } from '../../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../../electron/main/db/open-replica';
import { ReplicaMutationTx, restoreShadow } from '../../../electron/main/db/replica-mutation-tx';
import { rebuildSearchIndexes, withSearchIndexSuspended } from '../../../electron/main/db/search-index';
import { withWriteTransaction } from '../../../electron/main/db/write-transaction';
import { insertDataset } from '../../../electron/main/db/writes/insert-dataset';
import { RecordSearch } from '../../../electron/main/search/search-records';
import type { SearchKind } from '../../../shared/contract/search';
import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';

/**
 * The palette's search over a real replica: every way rows are written (seed, pull, local
 * mutation, shadow restore, a full download) keeps the trigram index in step with the tables.
 */
const now = Date.UTC(2026, 10, 23, 16, 30);
const dataset = buildDemoDataset({ seed: DEMO_SEED, now, technicians: 12, accounts: 40 });
const open: Replica[] = [];
function seeded(): Replica {
  const db = openReplica(':memory:');
  open.push(db);
  insertDataset(db, dataset);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

function titles(db: Replica, query: string, kind: SearchKind): string[] {
  return new RecordSearch(db).search(query, 8).groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];
}

/** What a fresh rebuild of the index would find: the upkeep by triggers must agree with it. */
function indexSnapshot(db: Replica): Record<string, number[]> {
  const read = (table: string) => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH '"ell"' ORDER BY rowid`).pluck().all() as number[];
  return Object.fromEntries(['search_work_orders', 'search_accounts', 'search_contacts', 'search_assets', 'search_technicians'].map((t) => [t, read(t)]));
}

const workOrder = dataset.workOrders[0]!;
const account = dataset.accounts.find((a) => a.id === workOrder.accountId)!;

describe('search index upkeep', () => {
  it('finds a seeded work order by its number, its summary with a typo, and its account', () => {
    const db = seeded();
    expect(titles(db, workOrder.number, 'workOrder')[0]).toBe(`${workOrder.number} · ${workOrder.summary}`);
    const word = workOrder.summary.split(' ')[0]!;
    const misspelled = word.length > 4 ? `${word.slice(0, 1)}${word.slice(2, 3)}${word.slice(1, 2)}${word.slice(3)}` : word;
    expect(titles(db, `${misspelled} ${account.name}`, 'workOrder')).toContain(`${workOrder.number} · ${workOrder.summary}`);
    expect(titles(db, account.name.replace(/#\d+/, ''), 'account')).toContain(account.name);
  });

  it('follows a renamed account into its work orders, contacts and assets, and forgets deleted rows', () => {
    const db = seeded();
    db.transaction(() => writeEntity(db, 'account', { ...account, name: 'Zanzibar Quokka Works' }, 2, 5))();
    expect(titles(db, 'zanzibar quokka', 'account')).toEqual(['Zanzibar Quokka Works']);
    const hits = new RecordSearch(db).search('zanzibar quokka', 50).groups.find((g) => g.kind === 'workOrder')!.hits;
    expect(hits.length).toBe(dataset.workOrders.filter((w) => w.accountId === account.id).length);
    expect(titles(db, 'zanzibar quokka', 'contact').length).toBeGreaterThan(0);

    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM work_orders WHERE id = ?').run(workOrder.id);
    expect(titles(db, workOrder.number, 'workOrder')).not.toContain(`${workOrder.number} · ${workOrder.summary}`);
  });

  it('indexes a pulled work order whose account arrives later in the same pull', () => {
    const db = seeded();
    const lateAccount = { ...account, id: 'acc-late', name: 'Latecomer Ironworks' };
    const pulled = { ...workOrder, id: 'wo-late', number: 'WO-99001', accountId: lateAccount.id, summary: 'Boiler overhaul' };
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      applyRowChange(db, { entity: 'workOrder', id: pulled.id, version: 1, changeNumber: 1, deleted: false, data: pulled });
      applyRowChange(db, { entity: 'account', id: lateAccount.id, version: 1, changeNumber: 2, deleted: false, data: lateAccount });
    })();
    expect(titles(db, 'latecomer ironworks', 'workOrder')).toEqual(['WO-99001 · Boiler overhaul']);
  });

  it('keeps a local write and its shadow restore in step', async () => {
    const db = seeded();
    const before = indexSnapshot(db);
    await withWriteTransaction(db, async () => {
      const tx = new ReplicaMutationTx(db, { actor: 'Ann', now: () => now, shadow: true });
      await tx.put('account', { ...account, name: 'Shadowed Elm Hall' });
    });
    expect(titles(db, 'shadowed elm hall', 'account')).toEqual(['Shadowed Elm Hall']);
    await withWriteTransaction(db, async () => void restoreShadow(db));
    expect(titles(db, 'shadowed elm hall', 'account')).toEqual([]);
    expect(indexSnapshot(db)).toEqual(before);
  });

  it('rebuilds once after a bulk write, matching what row-by-row upkeep gives', () => {
    const db = seeded();
    const byTriggers = indexSnapshot(db);
    db.transaction(() =>
      withSearchIndexSuspended(db, () => {
        clearEntities(db);
        // While suspended, rows leave the index untouched: the old entries are still there.
        expect(db.prepare("SELECT COUNT(*) FROM search_work_orders WHERE search_work_orders MATCH '\"wo-\"'").pluck().get()).toBeGreaterThan(0);
        insertDataset(db, dataset);
      }),
    )();
    expect(indexSnapshot(db)).toEqual(byTriggers);
    db.transaction(() => rebuildSearchIndexes(db))();
    expect(indexSnapshot(db)).toEqual(byTriggers);
    expect(db.prepare('SELECT suspended FROM search_state').pluck().get()).toBe(0);
  });

  it('takes FTS5 syntax and odd input as plain text', () => {
    const db = seeded();
    const search = new RecordSearch(db);
    for (const query of ['"', 'NEAR(a b)', 'fur* OR -x', "'; DROP TABLE work_orders; --", '\u0000\u0000\u0000', 'ﬁﬂ😀😀😀', 'a'.repeat(200)]) {
      expect(() => search.search(query, 8)).not.toThrow();
    }
    expect(search.search('ab', 8).groups).toEqual([]);
  });
});
