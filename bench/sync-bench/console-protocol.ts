import type { SyncStatus } from '../../shared/contract/ipc-contract';

/** Requests the benchmark sends a console child (console-child.ts) and what each answers. */
export interface ConsoleOps {
  start: { args: { dataFile: string; snapshotWorkerFile: string }; result: void };
  /** connectHub: sign in and sync (the initial sync on an empty replica). */
  connect: { args: { url: string }; result: { seconds: number; status: SyncStatus; rows: { workOrders: number; bookings: number; total: number } } };
  /** Queues setBookingStatus scheduled → traveling on `count` distinct scheduled bookings. */
  queueStatusChanges: { args: { count: number }; result: { applied: number; seconds: number; pending: number; bookingIds: string[] } };
  syncNow: { args: { bookingIds: string[] }; result: { pushSeconds: number; totalSeconds: number; status: SyncStatus; travelingAtHub: number } };
  pickScheduled: { args: Record<string, never>; result: { id: string; version: number } };
  /** Starts watching the replica for the booking at `version` (or later). */
  arm: { args: { bookingId: string; version: number }; result: void };
  /** Wall-clock instant (ms, sub-ms precision) the armed booking became readable. */
  waitSeen: { args: Record<string, never>; result: { seenAt: number } };
  /** Runs setBookingStatus locally; wall-clock instants of the local write and of the push's answer. */
  mutate: { args: { bookingId: string; version: number }; result: { startedAt: number; pushedAt: number } };
  close: { args: Record<string, never>; result: void };
}

export type ConsoleOp = keyof ConsoleOps;
export interface ConsoleRequest {
  id: number;
  op: ConsoleOp;
  args: unknown;
}
export type ConsoleReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
