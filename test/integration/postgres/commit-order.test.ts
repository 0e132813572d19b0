import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHubApp } from '../../../server/http/build-hub-app';
import { PostgresHubStore } from '../../../server/store/postgres-hub-store';
import { createUser } from '../../../server/users/create-user';
import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import { seededRandom } from '../../../shared/random/seeded-random';
import { newTestDatabase } from '../../support/hub-test-engine';
import { connect, expectReplicaMatchesHub, hubLiveRows, startTestConsole, type TestConsole } from '../console-sync/support/console';
import { ADMIN } from '../support/hub-process';

/**
 * PostgreSQL commits transactions in whatever order they finish, not the order they started.
 * Two hub instances (two stores, each with its own connections) write concurrently, each
 * transaction held open for a random while so later ones often commit first, while a console
 * pulls in small pages through one of them the whole time. If change numbers were taken when a
 * transaction wrote (not when it commits), a pull could pass number N+1 before N committed and
 * never see N: this test then finds rows missing in the console and in an incremental reader.
 */
const WRITES = 60;
let stores: PostgresHubStore[];
let app: FastifyInstance;
let url: string;
let console: TestConsole;

beforeAll(async () => {
  const database = newTestDatabase();
  stores = [await PostgresHubStore.open(database), await PostgresHubStore.open(database)];
  await stores[0]!.transaction((tx) => tx.insertDataset(buildDemoDataset({ seed: DEMO_SEED, now: Date.now(), technicians: 3, accounts: 6 })));
  await createUser(stores[0]!, { ...ADMIN, role: 'administrator' });
  app = buildHubApp(stores[1]!, { version: 'test' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  console = startTestConsole({ seedDemo: false, manualSync: true, pageSize: 3 });
  await connect(console, url);
});
afterAll(async () => {
  console?.close();
  await app?.close();
  for (const store of stores ?? []) await store.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('change numbers with two instances writing concurrently', () => {
  it('lets no pull skip a change that commits after a higher number was served', async () => {
    const random = seededRandom(11);
    let writing = true;
    const writers = Array.from({ length: WRITES }, async (_, i) => {
      await sleep(i * 10);
      const hold = random.int(0, 40);
      await stores[i % 2]!.transaction(async (tx) => {
        await tx.put('territory', { id: `ter-concurrent-${i}`, name: `Concurrent ${i}` });
        await sleep(hold);
      });
    });
    const seen = new Set<string>();
    let cursor = await stores[1]!.read((tx) => tx.latestChange());
    const reader = (async () => {
      let pulls = 0;
      /** Pulls that moved the cursor while transactions were still being written: the interleaving under test. */
      let advancedWhileWriting = 0;
      while (writing || pulls === 0) {
        const page = await stores[1]!.read((tx) => tx.changesAfter(cursor, 3));
        for (const change of page) seen.add(change.id);
        cursor = page.at(-1)?.changeNumber ?? cursor;
        if (writing && page.length > 0) advancedWhileWriting++;
        if ((pulls++ & 3) === 0) await console.call<SyncStatus>('syncNow');
        await sleep(1);
      }
      return advancedWhileWriting;
    })();
    await Promise.all(writers);
    writing = false;
    expect(await reader, 'pulls that moved the cursor while writers were still at work').toBeGreaterThanOrEqual(3);
    // Whatever is left after the last write, read to the end: nothing may have been stepped over.
    for (let page = await stores[1]!.read((tx) => tx.changesAfter(cursor, 1000)); page.length > 0; page = await stores[1]!.read((tx) => tx.changesAfter(cursor, 1000))) {
      for (const change of page) seen.add(change.id);
      cursor = page.at(-1)!.changeNumber;
    }
    const missing = Array.from({ length: WRITES }, (_, i) => `ter-concurrent-${i}`).filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
    await console.call<SyncStatus>('syncNow');
    expectReplicaMatchesHub(console, await hubLiveRows(url));
  });
});

describe('mutation ids with two instances', () => {
  it('makes a second instance that gets the same mutation id wait for the first to commit, then find its record', async () => {
    const id = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = stores[0]!.transaction(async (tx) => {
      expect(await tx.findAppliedMutation(id)).toBeUndefined();
      await held;
      await tx.recordAppliedMutation({ id, name: 'pinBooking', argsHash: 'h', outcome: { status: 'applied' }, userId: 'u', appliedAt: Date.now() });
    });
    await sleep(100);
    let seen: unknown = 'still waiting';
    const second = stores[1]!.transaction(async (tx) => {
      seen = await tx.findAppliedMutation(id);
    });
    await sleep(300);
    expect(seen, 'the second waits while the first holds the id').toBe('still waiting');
    release();
    await Promise.all([first, second]);
    expect(seen).toMatchObject({ id, outcome: { status: 'applied' } });
  });
});
