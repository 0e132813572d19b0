/**
 * One console (its services and replica, as the Electron main process runs them) in a process
 * of its own, so its memory is its own and two consoles do not share an event loop. Driven by
 * the benchmark over the fork IPC channel: each request `{ id, op, args }` gets one reply.
 */
import { startConsoleServices, type ConsoleServices } from '../../electron/main/services';
import type { SyncStatus } from '../../shared/contract/ipc-contract';
import type { ConsoleOp, ConsoleOps, ConsoleReply, ConsoleRequest } from './console-protocol';
import { ADMIN } from './hub';

let services: ConsoleServices | undefined;

/** A wall-clock instant with sub-millisecond precision that other processes on this machine can compare. */
const wallNow = () => performance.timeOrigin + performance.now();
const console$ = (): ConsoleServices => {
  if (!services) throw new Error('The console is not started.');
  return services;
};

const handlers: { [K in ConsoleOp]: (args: ConsoleOps[K]['args']) => Promise<ConsoleOps[K]['result']> } = {
  async start({ dataFile, snapshotWorkerFile }) {
    // Production sync timings, except a long backoff: while the hub is down (benchmark 2) the
    // console must not reconnect on its own timer before the benchmark asks it to.
    services = startConsoleServices({
      dataFile,
      appVersion: 'sync-bench',
      runtime: 'browser-host',
      seedDemo: false,
      snapshotWorkerFile,
      sync: { backoffMinMs: 60_000, backoffMaxMs: 120_000 },
    });
  },

  async connect({ url }) {
    const started = performance.now();
    const status = await console$().sync.connect({ url, email: ADMIN.email, password: ADMIN.password });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, status, rows: replicaRowCounts() };
  },

  async queueStatusChanges({ count }) {
    const targets = scheduledBookings(count);
    const started = performance.now();
    let applied = 0;
    for (const b of targets) {
      const { outcome } = await console$().sync.runMutation('setBookingStatus', { bookingId: b.id, expectedVersion: b.version, status: 'traveling' });
      if (outcome.status === 'applied') applied += 1;
    }
    return { applied, seconds: (performance.now() - started) / 1000, pending: console$().sync.status().pendingCount, bookingIds: targets.map((b) => b.id) };
  },

  async syncNow({ bookingIds }) {
    const started = performance.now();
    const pushedAt = whenOutboxEmpty();
    const status = await console$().sync.syncNow();
    const finished = performance.now();
    return {
      pushSeconds: ((await pushedAt.catch(() => finished)) - started) / 1000,
      totalSeconds: (finished - started) / 1000,
      status,
      travelingAtHub: countWithStatus(bookingIds, 'traveling'),
    };
  },

  async pickScheduled() {
    const [booking] = scheduledBookings(1);
    if (!booking) throw new Error('No scheduled booking left.');
    return booking;
  },

  async arm({ bookingId, version }) {
    watch = { bookingId, version, seen: watchUntilVisible(bookingId, version) };
  },

  async waitSeen() {
    if (!watch) throw new Error('Nothing armed.');
    const seenAt = await watch.seen;
    watch = undefined;
    return { seenAt };
  },

  async mutate({ bookingId, version }) {
    const pushed = whenOutboxEmpty();
    const startedAt = wallNow();
    const { outcome } = await console$().sync.runMutation('setBookingStatus', { bookingId, expectedVersion: version, status: 'traveling' });
    if (outcome.status !== 'applied') throw new Error(`setBookingStatus was refused locally: ${JSON.stringify(outcome)}`);
    // runMutation nudges sync at once: the push answers once the hub has committed.
    const pushedAt = performance.timeOrigin + (await pushed);
    return { startedAt, pushedAt };
  },

  async close() {
    await console$().sync.stop();
    console$().close();
    services = undefined;
  },
};

function replicaRowCounts(): { workOrders: number; bookings: number; total: number } {
  const db = console$().db;
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const workOrders = count('work_orders');
  const bookings = count('bookings');
  const reference = ['territories', 'characteristics', 'incident_types', 'cancellation_reason_codes', 'accounts', 'contacts', 'assets', 'resources'].reduce((sum, t) => sum + count(t), 0);
  return { workOrders, bookings, total: workOrders + bookings + reference };
}

function scheduledBookings(count: number): { id: string; version: number }[] {
  return console$().db.prepare("SELECT id, version FROM bookings WHERE status = 'scheduled' ORDER BY id LIMIT ?").all(count) as { id: string; version: number }[];
}

function countWithStatus(ids: readonly string[], status: string): number {
  const get = console$().db.prepare('SELECT status FROM bookings WHERE id = ?');
  return ids.filter((id) => (get.get(id) as { status: string } | undefined)?.status === status).length;
}

/** Resolves with performance.now() at the first status event showing an empty outbox, i.e. right after a push was answered. */
function whenOutboxEmpty(timeoutMs = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('The outbox did not empty in time.'));
    }, timeoutMs);
    const off = console$().onEvent((event) => {
      if (event.type !== 'sync-status' || !pushDone(event.status)) return;
      clearTimeout(timer);
      off();
      resolve(performance.now());
    });
  });
}

const pushDone = (status: SyncStatus) => status.pendingCount === 0 && status.refusedCount === 0;

let watch: { bookingId: string; version: number; seen: Promise<number> } | undefined;

/** Resolves with the wall-clock instant the booking's version is readable in this replica. */
function watchUntilVisible(bookingId: string, version: number): Promise<number> {
  const read = console$().db.prepare('SELECT version FROM bookings WHERE id = ?');
  const visible = () => ((read.get(bookingId) as { version: number } | undefined)?.version ?? 0) >= version;
  return new Promise((resolve, reject) => {
    const done = (at: number) => {
      clearInterval(poll);
      clearTimeout(timer);
      off();
      resolve(at);
    };
    // Checked on the console's own 'data-changed' event and, as a backstop, every 2 ms.
    const off = console$().onEvent((event) => {
      if (event.type === 'data-changed' && visible()) done(wallNow());
    });
    const poll = setInterval(() => visible() && done(wallNow()), 2);
    const timer = setTimeout(() => {
      clearInterval(poll);
      off();
      reject(new Error(`Booking ${bookingId} v${version} never reached this replica.`));
    }, 30_000);
  });
}

process.on('message', (message: ConsoleRequest) => {
  const handler = handlers[message.op] as (args: unknown) => Promise<unknown>;
  handler(message.args).then(
    (result) => reply({ id: message.id, ok: true, result }),
    (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

function reply(message: ConsoleReply): void {
  process.send?.(message);
}
