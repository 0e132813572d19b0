import { describe, expect, it } from 'vitest';
import type { RunMutationResponse, SyncStatus, WorkOrderDetail } from '../../../shared/contract';
import { ADMIN } from '../support/hub-process';
import { useTwoConsolesOnDemoHub, waitFor } from './support/console';

/**
 * A comment is a synced row like any other: written in one console, applied at the hub by the
 * same mutation (with the hub's author and time), seen in the other console's work order, and
 * refused there with a reason when the work order does not exist at the hub.
 */
const consoles = useTwoConsolesOnDemoHub();

describe('comments between consoles', () => {
  it("reaches the other console's work order, signed by the hub user", async () => {
    const { a, b } = consoles;
    const workOrderId = a.services.db.prepare('SELECT id FROM work_orders ORDER BY number LIMIT 1').pluck().get() as string;
    const response = await a.call<RunMutationResponse>('runMutation', { name: 'addComment', args: { commentId: 'c-sync-1', workOrderId, text: 'Bring the long ladder' } });
    expect(response).toMatchObject({ queued: true, outcome: { status: 'applied' } });
    await waitFor(() => (b.services.db.prepare("SELECT COUNT(*) FROM comments WHERE id = 'c-sync-1'").pluck().get() as number) === 1, 'B to pull the comment');
    const detail = await b.call<WorkOrderDetail>('getWorkOrderDetail', { workOrderId });
    expect(detail.comments).toEqual([expect.objectContaining({ id: 'c-sync-1', text: 'Bring the long ladder', author: ADMIN.email })]);
    expect(detail.audit.some((entry) => entry.action === 'comment' && entry.actor === ADMIN.email)).toBe(true);
    expect((await a.call<SyncStatus>('getSyncStatus')).pendingCount).toBe(0);
  });

  it('sending the same comment twice writes it once', async () => {
    const { a, b } = consoles;
    const workOrderId = a.services.db.prepare('SELECT id FROM work_orders ORDER BY number LIMIT 1 OFFSET 1').pluck().get() as string;
    await a.call('runMutation', { name: 'addComment', args: { commentId: 'c-sync-2', workOrderId, text: 'first' } });
    const again = await a.call<RunMutationResponse>('runMutation', { name: 'addComment', args: { commentId: 'c-sync-2', workOrderId, text: 'second' } });
    expect(again.outcome).toMatchObject({ status: 'refused', code: 'state' });
    await waitFor(() => (b.services.db.prepare("SELECT COUNT(*) FROM comments WHERE id = 'c-sync-2'").pluck().get() as number) === 1, 'B to pull the comment');
    expect(b.services.db.prepare("SELECT text FROM comments WHERE id = 'c-sync-2'").pluck().get()).toBe('first');
  });
});
