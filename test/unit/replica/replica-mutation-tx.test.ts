import { afterEach, describe, expect, it } from 'vitest';
import { applyRowChange } from '../../../electron/main/db/apply-row-change';
import { readEntity, rowStamp } from '../../../electron/main/db/entity-rows';
import { openReplica, type Replica } from '../../../electron/main/db/open-replica';
import { ReplicaMutationTx, restoreShadow } from '../../../electron/main/db/replica-mutation-tx';
import { withWriteTransaction } from '../../../electron/main/db/write-transaction';
import { insertDataset } from '../../../electron/main/db/writes/insert-dataset';
import { buildDemoDataset, DEMO_SEED, type DemoDataset } from '../../../shared/demo/seed-builder';
import { runMutation } from '../../../shared/mutations';
import type { EntityName } from '../../../shared/sync/synced-entities';

const now = Date.UTC(2026, 10, 23, 16, 30);
const open: Replica[] = [];
function replica(): Replica {
  const db = openReplica(':memory:');
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

const dataset = buildDemoDataset({ seed: DEMO_SEED, now, technicians: 12, accounts: 40 });
const byEntity: [EntityName, keyof DemoDataset][] = [
  ['territory', 'territories'],
  ['characteristic', 'characteristics'],
  ['incidentType', 'incidentTypes'],
  ['reasonCode', 'reasonCodes'],
  ['account', 'accounts'],
  ['contact', 'contacts'],
  ['asset', 'assets'],
  ['resource', 'resources'],
  ['workOrder', 'workOrders'],
  ['booking', 'bookings'],
  ['portalRequest', 'portalRequests'],
];
const keyOf = (entity: EntityName, row: unknown) => (entity === 'reasonCode' ? (row as { code: string }).code : (row as { id: string }).id);

describe('replica entity rows and MutationTx', () => {
  it('reads every demo entity back exactly as it was inserted', async () => {
    const db = replica();
    insertDataset(db, dataset);
    const tx = new ReplicaMutationTx(db, { actor: 'test', now: () => now, shadow: false });
    for (const [entity, field] of byEntity) {
      const rows = dataset[field] as unknown[];
      expect(rows.length, entity).toBeGreaterThan(0);
      for (const row of rows) expect(await tx.get(entity, keyOf(entity, row)), `${entity} ${keyOf(entity, row)}`).toEqual(row);
    }
    expect((await tx.list('resource')).length).toBe(dataset.resources.length);
    expect((await tx.list('incidentType')).length).toBe(dataset.incidentTypes.length);
    expect((await tx.list('reasonCode')).length).toBe(dataset.reasonCodes.length);
  });

  it('round-trips every entity written as a pull change, invitations and audit rows included', () => {
    const db = replica();
    let changeNumber = 0;
    const written: [EntityName, unknown][] = [];
    for (const [entity, field] of byEntity) {
      for (const row of dataset[field] as unknown[]) {
        const data = entity === 'booking' || entity === 'workOrder' ? { ...(row as object), version: 3 } : row;
        applyRowChange(db, { entity, id: keyOf(entity, row), version: 3, changeNumber: ++changeNumber, deleted: false, data });
        written.push([entity, data]);
      }
    }
    const contact = dataset.contacts[0]!;
    const invitation = { id: 'inv-1', contactId: contact.id, email: contact.email, createdAt: now, expiresAt: now + 1000, issuedBy: 'Ann', state: 'pending' as const };
    const audit = { id: 'aud-1', at: now, actor: 'Ann', entity: 'booking', entityId: 'b', action: 'move', before: '{}', after: null };
    applyRowChange(db, { entity: 'invitation', id: 'inv-1', version: 1, changeNumber: ++changeNumber, deleted: false, data: invitation });
    applyRowChange(db, { entity: 'audit', id: 'aud-1', version: 1, changeNumber: ++changeNumber, deleted: false, data: audit });
    written.push(['invitation', invitation], ['audit', audit]);
    for (const [entity, row] of written) expect(readEntity(db, entity, keyOf(entity, row))).toEqual(row);
    expect(rowStamp(db, 'booking', dataset.bookings[0]!.id)).toMatchObject({ version: 3 });
    // an update replaces children instead of adding to them
    const resource = { ...dataset.resources[0]!, territoryIds: [dataset.territories[1]!.id], timeOff: [] };
    applyRowChange(db, { entity: 'resource', id: resource.id, version: 4, changeNumber: ++changeNumber, deleted: false, data: resource });
    expect(readEntity(db, 'resource', resource.id)).toEqual(resource);
    applyRowChange(db, { entity: 'invitation', id: 'inv-1', version: 1, changeNumber: ++changeNumber, deleted: true, data: null });
    expect(readEntity(db, 'invitation', 'inv-1')).toBeUndefined();
  });

  it('runs a shared mutation locally, bumping the version, keeping the server state in shadow, and restores it', async () => {
    const db = replica();
    insertDataset(db, dataset);
    const booking = dataset.bookings.find((b) => b.status === 'scheduled')!;
    const reason = dataset.reasonCodes.find((r) => r.active)!;
    await withWriteTransaction(db, async () => {
      const tx = new ReplicaMutationTx(db, { actor: 'Ann', now: () => now, shadow: true });
      const outcome = await runMutation(tx, { actor: 'Ann', now }, { name: 'cancelBooking', args: { bookingId: booking.id, expectedVersion: booking.version, reasonCode: reason.code, note: 'rain' } });
      expect(outcome).toEqual({ status: 'applied' });
      expect([...tx.touched].sort()).toEqual(expect.arrayContaining(['audit', 'booking']));
    });
    expect(readEntity(db, 'booking', booking.id)).toMatchObject({ status: 'canceled', version: booking.version + 1 });
    expect(db.prepare("SELECT COUNT(*) FROM shadow WHERE entity = 'audit' AND data IS NULL").pluck().get()).toBe(1);
    restoreShadow(db);
    expect(readEntity(db, 'booking', booking.id)).toEqual(booking);
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM shadow').pluck().get()).toBe(0);
  });

  it('gives a created work order a provisional number after the highest one', async () => {
    const db = replica();
    insertDataset(db, dataset);
    const tx = new ReplicaMutationTx(db, { actor: 'Ann', now: () => now, shadow: false });
    const highest = Math.max(...dataset.workOrders.map((w) => Number(w.number.slice(3))));
    expect(await tx.nextWorkOrderNumber()).toBe(`WO-${String(highest + 1).padStart(5, '0')}`);
  });

  it('rolls a failed write transaction back completely', async () => {
    const db = replica();
    insertDataset(db, dataset);
    const booking = dataset.bookings[0]!;
    await expect(
      withWriteTransaction(db, async () => {
        await new ReplicaMutationTx(db, { actor: 'Ann', now: () => now, shadow: true }).put('booking', { ...booking, pinned: !booking.pinned });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readEntity(db, 'booking', booking.id)).toEqual(booking);
    expect(db.inTransaction).toBe(false);
  });
});
