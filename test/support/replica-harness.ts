import { readEntity } from '../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../electron/main/db/open-replica';
import { ReplicaMutationTx } from '../../electron/main/db/replica-mutation-tx';
import { withSavepoint, withWriteTransaction } from '../../electron/main/db/write-transaction';
import { insertDataset } from '../../electron/main/db/writes/insert-dataset';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { Booking, WorkOrder } from '../../shared/domain/entities';
import type { MutationOutcome } from '../../shared/mutations/mutation-context';
import { runMutation } from '../../shared/mutations/mutation-registry';

/** An in-memory replica holding `dataset`, and the shared mutations run against it as the console runs them. */
export interface ReplicaHarness {
  db: Replica;
  run(name: string, args: unknown): Promise<MutationOutcome>;
  booking(id: string): Booking | undefined;
  workOrder(id: string): WorkOrder | undefined;
  audit(entityId: string): { action: string; after: string | null }[];
}

export function replicaHarness(dataset: DemoDataset, now: number, actor = 'Dana'): ReplicaHarness {
  const db = openReplica(':memory:');
  insertDataset(db, dataset);
  return {
    db,
    // As the console runs them: a refusal leaves nothing behind (a savepoint rolled back).
    run: (name, args) =>
      withWriteTransaction(db, async () => {
        let outcome: MutationOutcome = { status: 'applied' };
        await withSavepoint(db, async () => {
          outcome = await runMutation(new ReplicaMutationTx(db, { actor, now: () => now, shadow: false }), { actor, now }, { name, args });
          return outcome.status === 'applied';
        });
        return outcome;
      }),
    booking: (id) => readEntity(db, 'booking', id),
    workOrder: (id) => readEntity(db, 'workOrder', id),
    audit: (entityId) => db.prepare('SELECT action, after_json AS after FROM audit_log WHERE entity_id = ? ORDER BY at, rowid').all(entityId) as { action: string; after: string | null }[],
  };
}

const opened: ReplicaHarness[] = [];

/** A harness closed by closeHarnesses(), which a test file calls in afterEach. */
export function trackedHarness(dataset: DemoDataset, now: number): ReplicaHarness {
  const harness = replicaHarness(dataset, now);
  opened.push(harness);
  return harness;
}

export function closeHarnesses(): void {
  opened.splice(0).forEach((h) => h.db.close());
}
