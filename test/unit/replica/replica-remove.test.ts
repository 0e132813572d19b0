import { describe, expect, it } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import { openReplica } from '../../../electron/main/db/open-replica';
import { ReplicaMutationTx, restoreShadow } from '../../../electron/main/db/replica-mutation-tx';
import { withWriteTransaction } from '../../../electron/main/db/write-transaction';
import { insertDataset } from '../../../electron/main/db/writes/insert-dataset';
import { NOW, smallCompany } from '../../support/small-company';

describe('removing a row through the replica\'s MutationTx', () => {
  it('deletes it optimistically and puts it back, at its server version, when the shadow is restored before a pull', async () => {
    const db = openReplica(':memory:');
    try {
      insertDataset(db, smallCompany());
      const before = readEntity(db, 'booking', 'bk-11');
      await withWriteTransaction(db, async () => {
        const tx = new ReplicaMutationTx(db, { actor: 'Ann', now: () => NOW, shadow: true });
        await tx.remove('booking', 'bk-11');
        await tx.remove('booking', 'no-such-booking');
        expect([...tx.touched]).toEqual(['booking']);
      });
      expect(readEntity(db, 'booking', 'bk-11')).toBeUndefined();
      await withWriteTransaction(db, async () => restoreShadow(db));
      expect(readEntity(db, 'booking', 'bk-11')).toEqual(before);
    } finally {
      db.close();
    }
  });
});
