import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteHubStore } from '../../../server/store/sqlite-hub-store';
import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-lineage-'));
  folders.push(dir);
  return dir;
}

const dataset = buildDemoDataset({ seed: DEMO_SEED, now: Date.UTC(2026, 10, 24, 15), technicians: 2, accounts: 4 });

async function writeSome(store: SqliteHubStore): Promise<void> {
  await store.transaction((tx) => tx.put('territory', { ...dataset.territories[0]!, name: `renamed ${Math.random()}` }));
}

describe('hub store identity and restore detection', () => {
  it('keeps its id and epoch across restarts, and starts a new epoch when the file is put back from an older copy', async () => {
    const data = folder();
    const backup = path.join(folder(), 'copy.sqlite');
    let store = SqliteHubStore.open(data);
    await store.transaction((tx) => tx.insertDataset(dataset));
    const first = store.opened.identity;
    await store.close();
    copyFileSync(path.join(data, 'hub.sqlite'), backup);

    store = SqliteHubStore.open(data);
    expect(store.opened).toEqual({ identity: first });
    await writeSome(store);
    await store.close();

    for (const suffix of ['-wal', '-shm']) rmSync(path.join(data, `hub.sqlite${suffix}`), { force: true });
    copyFileSync(backup, path.join(data, 'hub.sqlite'));
    store = SqliteHubStore.open(data);
    expect(store.opened.identity.storeId).toBe(first.storeId);
    expect(store.opened.identity.epoch).not.toBe(first.epoch);
    expect(store.opened.restoredFrom).toMatchObject({ previousEpoch: first.epoch });
    expect(store.opened.restoredFrom!.fileLatest).toBeLessThan(store.opened.restoredFrom!.recordedLatest);
    const second = store.opened.identity;
    await store.close();

    store = SqliteHubStore.open(data);
    expect(store.opened).toEqual({ identity: second });
    await store.close();
  });

  it('gives each new store its own id, and ignores a damaged lineage record', async () => {
    const a = SqliteHubStore.open(folder());
    const bFolder = folder();
    writeFileSync(path.join(bFolder, 'hub.lineage.json'), '{ not json');
    const b = SqliteHubStore.open(bFolder);
    expect(a.opened.identity.storeId).not.toBe(b.opened.identity.storeId);
    expect(b.opened.restoredFrom).toBeUndefined();
    await a.close();
    await b.close();
  });
});
