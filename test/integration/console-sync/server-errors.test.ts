import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingMutations } from '../../../electron/main/sync/outbox';
import type { HubStore, HubTx } from '../../../server/store/hub-store';
import type { RunMutationResponse, SyncIssue, SyncStatus } from '../../../shared/contract/ipc-contract';
import type { EntityName } from '../../../shared/sync/synced-entities';
import { seededRandom } from '../../../shared/random/seeded-random';
import { startFaultProxy } from '../support/fault-proxy';
import { startHubWithHistory, type HubWithHistory } from '../support/hub-history';
import { connect, startTestConsole, type TestConsole } from './support/console';
import { hubBookings } from './support/hub-changes';

/**
 * One change the hub keeps failing on must never hold back the ones queued behind it: it is
 * that mutation's refusal (server_error, logged with its id), the console retries it a few
 * times, then moves it to the sync-issues panel with its attempts and last error, where it can
 * be retried once the hub is mended.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The hub's store, except that writing booking `poisoned.id` throws (a bug or a broken disk). */
function poisonedStore(store: HubStore, poisoned: { id: string | null }): HubStore {
  const wrapTx = (tx: HubTx): HubTx =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'put') {
          return async (entity: EntityName, row: { id?: string }) => {
            if (entity === 'booking' && row.id === poisoned.id) throw new Error(`disk error writing booking ${row.id}`);
            return target.put(entity, row as never);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return {
    engine: store.engine,
    transaction: (fn, env) => store.transaction((tx) => fn(wrapTx(tx)), env),
    read: (fn) => store.read(fn),
    readSnapshot: (fn) => store.readSnapshot(fn),
    onChange: (l) => store.onChange(l),
    addCommitHook: (hook) => store.addCommitHook(hook),
    close: () => store.close(),
  };
}

async function setUp(options: { poisoned?: { id: string | null } } = {}): Promise<{ hub: HubWithHistory; console: TestConsole; log: string[] }> {
  const log: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (log.push(chunk.toString()), done()) });
  const poisoned = options.poisoned;
  const hub = await startHubWithHistory({ seed: 5, logger: { level: 'error', stream }, ...(poisoned ? { wrapStore: (s) => poisonedStore(s, poisoned) } : {}) });
  const console = startTestConsole({ seedDemo: false, manualSync: true });
  cleanup.push(() => hub.close());
  cleanup.push(() => console.close());
  return { hub, console, log };
}

function scheduledBookings(console: TestConsole, count: number): { id: string; version: number }[] {
  return console.services.db.prepare("SELECT id, version FROM bookings WHERE status = 'scheduled' ORDER BY start_ms LIMIT ?").all(count) as { id: string; version: number }[];
}

async function queueTraveling(console: TestConsole, booking: { id: string; version: number }): Promise<string> {
  const answer = await console.call<RunMutationResponse>('runMutation', { name: 'setBookingStatus', args: { bookingId: booking.id, expectedVersion: booking.version, status: 'traveling' } });
  expect(answer.queued).toBe(true);
  return answer.mutationId;
}

describe('server errors on one mutation', () => {
  it('apply the changes around it, move it to the sync-issues panel after five tries with its last error, and retry it once the hub is mended', async () => {
    const poisoned = { id: null as string | null };
    const { hub, console, log } = await setUp({ poisoned });
    await connect(console, hub.url);
    const [a, p, b, c] = scheduledBookings(console, 4);
    poisoned.id = p!.id;
    await queueTraveling(console, a!);
    const poisonId = await queueTraveling(console, p!);
    await queueTraveling(console, b!);

    const first = await console.call<SyncStatus>('syncNow');
    expect(first).toMatchObject({ connection: 'online', pendingCount: 1, refusedCount: 0 });
    let atHub = await hubBookings(hub.url);
    expect([atHub.get(a!.id)?.status, atHub.get(p!.id)?.status, atHub.get(b!.id)?.status]).toEqual(['traveling', 'scheduled', 'traveling']);
    expect(log.join('')).toContain(poisonId);

    for (let i = 0; i < 4; i++) await console.call<SyncStatus>('syncNow');
    const after = await console.call<SyncStatus>('getSyncStatus');
    expect(after).toMatchObject({ pendingCount: 0, refusedCount: 1 });
    const [issue] = await console.call<SyncIssue[]>('listSyncIssues');
    expect(issue).toMatchObject({ mutationId: poisonId, state: 'failed', code: 'server_error', attempts: 5 });
    expect(issue?.lastError).toMatch(/failed on this change unexpectedly/);

    await queueTraveling(console, c!);
    await console.call<SyncStatus>('syncNow');
    expect((await hubBookings(hub.url)).get(c!.id)?.status, 'later changes flow past the failed one').toBe('traveling');

    poisoned.id = null;
    expect(await console.call<{ retried: boolean }>('retrySyncIssue', { mutationId: poisonId })).toEqual({ retried: true });
    const healed = await console.call<SyncStatus>('syncNow');
    expect(healed).toMatchObject({ connection: 'online', pendingCount: 0, refusedCount: 0 });
    atHub = await hubBookings(hub.url);
    expect(atHub.get(p!.id)?.status).toBe('traveling');
    expect(await console.call<SyncIssue[]>('listSyncIssues')).toEqual([]);
  });

  it('charge a push the hub failed on as a whole to its first mutation alone, so the rest flows after five tries', async () => {
    const { hub, console } = await setUp();
    let poisonId = '';
    const proxy = await startFaultProxy(() => hub.url, seededRandom(9), { delay: 0, duplicate: 0, dropResponse: 0 }, ({ url, body }) =>
      url.startsWith('/api/v1/sync/push') && poisonId && body.includes(poisonId) ? { status: 502, body: '{"error":{"code":"bad_gateway","message":"Bad gateway"}}' } : 'forward',
    );
    cleanup.push(() => proxy.close());
    await connect(console, proxy.url);
    const [p, a, b] = scheduledBookings(console, 3);
    poisonId = await queueTraveling(console, p!);
    await queueTraveling(console, a!);
    await queueTraveling(console, b!);

    for (let i = 0; i < 4; i++) {
      const status = await console.call<SyncStatus>('syncNow');
      expect(status).toMatchObject({ connection: 'offline', pendingCount: 3, lastError: 'Bad gateway' });
    }
    expect(pendingMutations(console.services.db).map((m) => m.attempts)).toEqual([4, 1, 1]);
    const fifth = await console.call<SyncStatus>('syncNow');
    expect(fifth).toMatchObject({ connection: 'online', pendingCount: 0, refusedCount: 1 });
    const atHub = await hubBookings(hub.url);
    expect([atHub.get(p!.id)?.status, atHub.get(a!.id)?.status, atHub.get(b!.id)?.status]).toEqual(['scheduled', 'traveling', 'traveling']);
    expect(await console.call<SyncIssue[]>('listSyncIssues')).toEqual([expect.objectContaining({ mutationId: poisonId, state: 'failed', attempts: 5, lastError: 'Bad gateway' })]);
  });
});
