import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { argsWithCurrentVersions } from '../../../electron/main/sync/resubmit-issue';
import type { RunMutationResponse, SyncIssue } from '../../../shared/contract/ipc-contract';
import { at } from '../../support/small-company';
import { startSmallConsole, type SmallConsole } from './support/small-console';

/**
 * "Try again" on a change the hub refused: the same change, with the dispatcher's note, sent
 * again over the rows as they are now. It leaves the sync-issues panel only once it applied.
 */
const consoles: SmallConsole[] = [];
afterEach(() => consoles.splice(0).forEach((c) => c.close()));
function open(): SmallConsole {
  const c = startSmallConsole({ now: at('06:00') });
  consoles.push(c);
  return c;
}

/** A change in the outbox as the sync engine leaves one the hub refused. */
function refused(c: SmallConsole, name: string, args: unknown, reason: string): string {
  const id = randomUUID();
  c.services.db
    .prepare("INSERT INTO outbox (mutation_id, name, args_json, created_at, attempts, state, refusal_code, refusal_reason) VALUES (?, ?, ?, ?, 1, 'refused', 'version_conflict', ?)")
    .run(id, name, JSON.stringify(args), at('05:00'), reason);
  return id;
}

describe('trying a refused change again', () => {
  it('sends it with today\'s version, keeps the override note, and takes it off the panel once applied', async () => {
    const c = open();
    // Someone else moved the booking meanwhile (version 1 → 2).
    expect((await c.call<RunMutationResponse>('runMutation', { name: 'pinBooking', args: { bookingId: 'bk-11', expectedVersion: 1 } })).outcome.status).toBe('applied');
    const override = { code: 'overtime_agreed', reason: 'Ann stays late' };
    const id = refused(c, 'moveBooking', { bookingId: 'bk-11', expectedVersion: 1, start: at('17:30'), override }, 'The booking was changed by someone else (version 2, you had 1).');
    const { response, dismissed } = await c.call<{ response: RunMutationResponse; dismissed: boolean }>('resubmitSyncIssue', { mutationId: id });
    expect(response.outcome).toEqual({ status: 'applied' });
    expect(dismissed).toBe(true);
    expect(await c.call<SyncIssue[]>('listSyncIssues')).toEqual([]);
    expect(c.services.db.prepare('SELECT start_ms, version FROM bookings WHERE id = ?').get('bk-11')).toEqual({ start_ms: at('17:30'), version: 3 });
  });

  it('keeps it on the panel, with the reason, when it still cannot apply', async () => {
    const c = open();
    const id = refused(c, 'moveBooking', { bookingId: 'bk-11', expectedVersion: 0, start: at('17:30') }, 'changed by someone else');
    const { response, dismissed } = await c.call<{ response: RunMutationResponse; dismissed: boolean }>('resubmitSyncIssue', { mutationId: id });
    expect(response.outcome).toMatchObject({ status: 'refused', code: 'rule', reason: expect.stringContaining('outside working hours') });
    expect(dismissed).toBe(false);
    expect((await c.call<SyncIssue[]>('listSyncIssues')).map((i) => i.mutationId)).toEqual([id]);
    expect(await c.fail('resubmitSyncIssue', { mutationId: 'not-an-issue' })).toMatchObject({ code: 'not_found' });
  });

  it('refreshes every version a change carries, and leaves the ones of rows that are gone', () => {
    const c = open();
    c.services.db.prepare('UPDATE bookings SET version = 5 WHERE id = ?').run('bk-10');
    const args = {
      origin: 'plan',
      book: [{ workOrderId: 'wo-1', expectedVersion: 0, bookingId: 'n1', resourceId: 'r-ann', start: 1 }],
      move: [{ bookingId: 'bk-10', expectedVersion: 1, resourceId: 'r-ann', start: 2 }],
      unbook: [{ bookingId: 'gone', expectedVersion: 9 }],
    };
    expect(argsWithCurrentVersions(c.services.db, 'applySchedule', args)).toEqual({
      ...args,
      book: [{ ...args.book[0], expectedVersion: 1 }],
      move: [{ ...args.move[0], expectedVersion: 5 }],
      unbook: [{ bookingId: 'gone', expectedVersion: 9 }],
    });
    expect(argsWithCurrentVersions(c.services.db, 'acceptAutoAssignment', { bookings: [{ bookingId: 'bk-10', expectedVersion: 1 }] })).toEqual({ bookings: [{ bookingId: 'bk-10', expectedVersion: 5 }] });
    expect(argsWithCurrentVersions(c.services.db, 'handlePortalRequest', { requestId: 'x' })).toEqual({ requestId: 'x' });
    expect(argsWithCurrentVersions(c.services.db, 'toString', { bookingId: 'bk-10' })).toEqual({ bookingId: 'bk-10' });
  });
});
