import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../../electron/main/db/open-replica';
import { restoreShadow } from '../../../electron/main/db/replica-mutation-tx';
import { withWriteTransaction } from '../../../electron/main/db/write-transaction';
import { insertDataset } from '../../../electron/main/db/writes/insert-dataset';
import { applyLocalMutation, rebasePending } from '../../../electron/main/sync/local-mutation';
import { listSyncIssues, pendingMutations } from '../../../electron/main/sync/outbox';
import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';

const now = Date.UTC(2026, 10, 23, 16, 30);
const dataset = buildDemoDataset({ seed: DEMO_SEED, now, technicians: 8, accounts: 20 });
const open: Replica[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('re-applying pending mutations', () => {
  it('logs a mutation that throws, keeps its error on the outbox entry, and still re-applies the others', async () => {
    const db = openReplica(':memory:');
    open.push(db);
    insertDataset(db, dataset);
    const [first, broken] = dataset.bookings.filter((b) => b.status === 'scheduled');
    for (const b of [first!, broken!]) {
      const { outcome } = await applyLocalMutation(db, { mutationId: crypto.randomUUID(), name: 'pinBooking', args: { bookingId: b.id, expectedVersion: b.version }, actor: 'Dana', now, queue: true });
      expect(outcome).toEqual({ status: 'applied' });
    }
    const onError = vi.fn();
    await withWriteTransaction(db, async () => {
      restoreShadow(db); // as a pull does: back to the server state, then the pending ones on top
      // A local fault (corrupt page, a bug) makes writing one booking throw.
      db.exec(`CREATE TRIGGER fail_booking BEFORE UPDATE ON bookings WHEN NEW.id = '${broken!.id}' BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`);
      return rebasePending(db, 'Dana', onError);
    });

    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'pinBooking' });
    expect(String(onError.mock.calls[0]![1])).toMatch(/disk says no/);
    expect(readEntity(db, 'booking', first!.id)?.pinned).toBe(true);
    const entries = db.prepare('SELECT name, state, last_error AS lastError FROM outbox ORDER BY seq').all();
    expect(entries).toEqual([
      { name: 'pinBooking', state: 'pending', lastError: null },
      { name: 'pinBooking', state: 'pending', lastError: expect.stringMatching(/^Could not be re-applied on this computer: .*disk says no/) },
    ]);
    expect(pendingMutations(db)).toHaveLength(2);
    expect(listSyncIssues(db)).toEqual([]);
  });
});
