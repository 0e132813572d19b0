import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteHubStore } from '../../../server/store/sqlite-hub-store';

/** The SQLite store shares one commit among transactions that wait together; each must still stand alone. */
const opened: SqliteHubStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

function store(): SqliteHubStore {
  const s = SqliteHubStore.open(mkdtempSync(path.join(tmpdir(), 'dd-group-')));
  opened.push(s);
  return s;
}

describe('SQLite group commit', () => {
  it('commits transactions that wait together, rolls back only the one that throws, and answers each after the commit', async () => {
    const s = store();
    const heard: number[] = [];
    s.onChange((latest) => heard.push(latest));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        s.transaction(async (tx) => {
          await tx.put('territory', { id: `ter-${i}`, name: `Territory ${i}` });
          if (i === 4) throw new Error('this one fails after writing');
          // Visible to readers as soon as its caller hears of it: the commit came first.
          return i;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const changes = await s.read((tx) => tx.changesAfter(0, 100));
    expect(changes.map((c) => c.id)).toEqual(['ter-0', 'ter-1', 'ter-2', 'ter-3', 'ter-5', 'ter-6', 'ter-7', 'ter-8', 'ter-9']);
    expect(changes.map((c) => c.changeNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(heard.at(-1)).toBe(9);
    expect(heard.length, "fewer commits than transactions").toBeLessThan(9);
  });

  it('lets a transaction read what it wrote and see nothing of one that failed before it in the same commit', async () => {
    const s = store();
    const [, second] = await Promise.allSettled([
      s.transaction(async (tx) => {
        await tx.put('territory', { id: 'ter-failed', name: 'Never there' });
        throw new Error('rolled back');
      }),
      s.transaction(async (tx) => {
        await tx.put('territory', { id: 'ter-kept', name: 'Kept' });
        return { failed: await tx.get('territory', 'ter-failed'), kept: await tx.get('territory', 'ter-kept') };
      }),
    ]);
    expect(second).toEqual({ status: 'fulfilled', value: { failed: undefined, kept: { id: 'ter-kept', name: 'Kept' } } });
  });

  it('answers each caller only once its transaction is on disk, readable from another connection', async () => {
    const s = store();
    const seen = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        s.transaction((tx) => tx.put('territory', { id: `ter-${i}`, name: `T${i}` })).then(() => s.read((tx) => tx.get('territory', `ter-${i}`))),
      ),
    );
    expect(seen.map((t) => t?.id)).toEqual(['ter-0', 'ter-1', 'ter-2', 'ter-3', 'ter-4']);
  });
});
