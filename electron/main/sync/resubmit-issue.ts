import type { RunMutationResponse } from '../../../shared/contract/ipc-contract';
import { isMutationName, type MutationName } from '../../../shared/mutations/mutation-registry';
import type { Replica } from '../db/open-replica';
import { prepareCached } from '../../../db-common/sqlite-statement-cache';

type Args = Record<string, unknown>;
type Refresh = (args: Args, version: Versions) => Args;

/** Today's version of a row, or `fallback` (what the change carried) when the row is gone. */
interface Versions {
  booking(id: unknown, fallback: unknown): unknown;
  workOrder(id: unknown, fallback: unknown): unknown;
}

const withBookingVersion: Refresh = (args, v) => ({ ...args, expectedVersion: v.booking(args.bookingId, args.expectedVersion) });
const items = (list: unknown, refresh: (item: Args) => Args): unknown => (Array.isArray(list) ? list.map((item) => (item && typeof item === 'object' ? refresh(item as Args) : item)) : list);

/** Where each mutation carries the version of the row it changes; the ones without any are sent as they were. */
const refreshers: Partial<Record<MutationName, Refresh>> = {
  moveBooking: withBookingVersion,
  reassignBooking: withBookingVersion,
  cancelBooking: withBookingVersion,
  setBookingStatus: withBookingVersion,
  overrideAutoAssignment: withBookingVersion,
  pinBooking: withBookingVersion,
  unpinBooking: withBookingVersion,
  acceptAutoAssignment: (args, v) => ({ ...args, bookings: items(args.bookings, (b) => ({ ...b, expectedVersion: v.booking(b.bookingId, b.expectedVersion) })) }),
  scheduleWorkOrder: (args, v) => ({ ...args, expectedVersion: v.workOrder(args.workOrderId, args.expectedVersion) }),
  applySchedule: (args, v) => ({
    ...args,
    book: items(args.book, (b) => ({ ...b, expectedVersion: v.workOrder(b.workOrderId, b.expectedVersion) })),
    move: items(args.move, (m) => ({ ...m, expectedVersion: v.booking(m.bookingId, m.expectedVersion) })),
    unbook: items(args.unbook, (u) => ({ ...u, expectedVersion: v.booking(u.bookingId, u.expectedVersion) })),
  }),
};

/**
 * "Try again" for a change the hub refused: the same change (what the dispatcher typed, their
 * note and override included) sent as a new one over the rows as they are now, i.e. with the
 * versions the replica holds today. It runs through the same mutation code, so it is refused
 * at once, with the reason, if it still breaks a rule. A row that no longer exists keeps the
 * old version, so the refusal names what is gone.
 */
export function argsWithCurrentVersions(db: Replica, name: string, args: unknown): unknown {
  if (!isMutationName(name) || !args || typeof args !== 'object' || Array.isArray(args)) return args;
  const refresh = refreshers[name];
  if (!refresh) return args;
  const current = (table: 'bookings' | 'work_orders', id: unknown, fallback: unknown) =>
    typeof id === 'string' ? ((prepareCached(db, `SELECT version FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined) ?? fallback) : fallback;
  return refresh(args as Args, {
    booking: (id, fallback) => current('bookings', id, fallback),
    workOrder: (id, fallback) => current('work_orders', id, fallback),
  });
}

export interface Resubmitter {
  listIssues(): { mutationId: string; name: string; args: unknown }[];
  runMutation(name: string, args: unknown): Promise<RunMutationResponse>;
  dismissIssue(mutationId: string): boolean;
}

/** Sends a refused change again with today's versions; the old entry leaves the panel only when the new one applied here. */
export async function resubmitIssue(db: Replica, sync: Resubmitter, mutationId: string): Promise<{ response: RunMutationResponse; dismissed: boolean } | undefined> {
  const issue = sync.listIssues().find((i) => i.mutationId === mutationId);
  if (!issue) return undefined;
  const response = await sync.runMutation(issue.name, argsWithCurrentVersions(db, issue.name, issue.args));
  const dismissed = response.outcome.status === 'applied' && sync.dismissIssue(mutationId);
  return { response, dismissed };
}
