import { afterAll, describe, expect, it } from 'vitest';
import type { SyncIssue, SyncStatus } from '../../../shared/contract/ipc-contract';
import { seededRandom, type Random } from '../../../shared/random/seeded-random';
import type { BookingStatus } from '../../../shared/domain/booking-status';
import { connect, startTestConsole, type TestConsole } from '../console-sync/support/console';
import { startHubDeployment, type HubBackup, type HubDeployment } from '../support/hub-deployment';
import { hubTestEngine } from '../../support/hub-test-engine';
import { startFaultProxy, type FaultProxy, type FaultRates, type FaultStats } from '../support/fault-proxy';

/**
 * A seeded, repeatable fault simulation: three consoles and one hub process (SQLite), or two
 * hub instances on one PostgreSQL database with the consoles spread over them; thousands of
 * random operations while links are cut, answers are dropped after the hub applied them, pushes
 * are delivered twice or late, a hub instance is restarted (gracefully or killed) while the
 * other keeps serving, and once the store is restored from an older backup, consoles pull in small pages, and poison mutations (inherited names,
 * impossible dates, absurd nesting) sit in their outboxes. At the end every console must hold
 * exactly the hub's state, every mutation a console accepted must have been applied at the hub
 * exactly once or refused with a reason — none lost, none stuck — except those the restore
 * undid (applied after the backup), which are counted.
 * DISPATCH_DESK_FAULT_SEED and DISPATCH_DESK_FAULT_OPS replay or lengthen a run
 * (`npm run test:fault-long` runs 10,000 operations). The script of operations and each link's
 * faults come from separate seeded generators, and consoles sync only when the script says so,
 * so the same seed replays the same run (identical counts).
 */
const SEED = Number(process.env.DISPATCH_DESK_FAULT_SEED ?? 20261123);
const OPERATIONS = Number(process.env.DISPATCH_DESK_FAULT_OPS ?? 2000);
const CONSOLES = 3;
/** Each console pulls in pages of this size (tiny ones split rows from their parents). */
const PAGE_SIZES = [7, 50, 1000];
/** DISPATCH_DESK_FAULT_BACKGROUND=1 lets consoles also sync on their own (not repeatable, more interleavings). */
const BACKGROUND_SYNC = process.env.DISPATCH_DESK_FAULT_BACKGROUND === '1';
const HOSTILE: FaultRates = { delay: 0.2, duplicate: 0.15, dropResponse: 0.15 };
const CALM: FaultRates = { delay: 0, duplicate: 0, dropResponse: 0 };

interface BookingRow {
  id: string;
  version: number;
  status: BookingStatus;
  resourceId: string;
  start: number;
  end: number;
  reviewState: string;
}

interface SentMutation {
  id: string;
  name: string;
  /** The booking it changes or creates; null for createWorkOrder. */
  bookingId: string | null;
}

interface Node {
  console: TestConsole;
  proxy: FaultProxy;
}

const random = seededRandom(SEED);
const linkSeed = (index: number) => seededRandom(SEED * 31 + index + 1);
let hub: HubDeployment;
const nodes: Node[] = [];
const sent: SentMutation[] = [];
const tally = { locallyRefused: 0, syncFailures: 0, cuts: 0, restarts: 0, kills: 0, poison: 0 };
/** Poison mutations written straight into a console's outbox (as a buggy or older console might), and the refusal each must get. */
const poisoned: { id: string; node: Node; code: string }[] = [];
/** The backup taken a third of the way in, put back two thirds of the way in. */
const restore = { backup: undefined as HubBackup | undefined, backupOutcomes: new Map<string, HubOutcome>(), backupVersions: new Map<string, number>(), beforeRestore: new Map<string, HubOutcome>(), done: false };

afterAll(async () => {
  for (const node of nodes) {
    node.console.close();
    await node.proxy.close();
  }
  await hub?.stop();
});

describe(`fault simulation (seed ${SEED}, ${OPERATIONS} operations, ${CONSOLES} consoles, ${hubTestEngine()})`, () => {
  it('converges every console to the hub and applies every mutation exactly once or refuses it with a reason', async () => {
    await setUp();
    const initialVersions = new Map((await hubBookings()).map((b) => [b.id, b.version]));
    for (let step = 0; step < OPERATIONS; step++) await randomOperation(step);
    await settle();

    const hubState = await hubBookings();
    for (const node of nodes) expect(consoleBookings(node.console)).toEqual(hubState);

    const outcomes = await readOutcomes();
    const undone = undoneByRestore(outcomes);
    const lost = sent.filter((m) => !outcomes.has(m.id) && !undone.has(m.id));
    expect(lost).toEqual([]);
    expect(restore.done).toBe(true);
    await expectPoisonRefused();
    for (const m of sent) {
      const outcome = outcomes.get(m.id) ?? restore.beforeRestore.get(m.id)!;
      if (outcome.status === 'refused') expect(outcome.reason.length).toBeGreaterThan(10);
    }
    expectEachBookingChangedOncePerAppliedMutation(restore.done ? restore.backupVersions : initialVersions, hubState, outcomes);
    expectNoDoubleBooking(hubState);
    for (const node of nodes) {
      const status = await node.console.call<SyncStatus>('getSyncStatus');
      expect(status.pendingCount).toBe(0);
      const refusedBefore = (m: SentMutation) => undone.has(m.id) && restore.beforeRestore.get(m.id)?.status === 'refused';
      const refused = sent.filter((m) => ownedBy(node, m) && (outcomes.get(m.id)?.status === 'refused' || refusedBefore(m))).length;
      expect(status.refusedCount).toBe(refused + poisoned.filter((p) => p.node === node).length);
    }
    const applied = sent.filter((m) => outcomes.get(m.id)?.status === 'applied').length;
    const refusedAtHub = sent.filter((m) => outcomes.get(m.id)?.status === 'refused').length;
    const stats = nodes.map((n) => n.proxy.stats);
    console.log(
      `fault simulation seed ${SEED}: ${OPERATIONS} operations, ${sent.length} mutations queued (${applied} applied, ` +
        `${refusedAtHub} refused at the hub, ${sent.filter((m) => undone.has(m.id)).length} undone by the restore), ${tally.locallyRefused} refused locally, ${tally.syncFailures} failed syncs, ` +
        `${tally.cuts} link cuts, ${tally.restarts} hub restarts (${tally.kills} killed), ` +
        `${sum(stats, 'droppedResponses')} answers dropped, ${sum(stats, 'duplicated')} pushes duplicated, ${sum(stats, 'delayed')} delayed, ` +
        `${tally.poison} poison mutations refused one by one, 1 restore from a backup; 0 lost, 0 stuck`,
    );
    expect(applied).toBeGreaterThan(sent.length / 4);
    expect(sum(stats, 'droppedResponses')).toBeGreaterThan(0);
    expect(sum(stats, 'duplicated')).toBeGreaterThan(0);
    expect(tally.kills).toBeGreaterThan(0);
    const contested = sent.filter((m) => m.name === 'scheduleWorkOrder');
    const contestedRefused = contested.filter((m) => outcomes.get(m.id)?.status === 'refused').length;
    console.log(`contested slots: ${contested.length} bookings queued, ${contested.length - contestedRefused} applied, ${contestedRefused} refused at the hub`);
    expect(contested.length).toBeGreaterThan(0);
  }, Math.max(600_000, OPERATIONS * 150));
});

const owners = new Map<string, Node>();
function ownedBy(node: Node, m: SentMutation): boolean {
  return owners.get(m.id) === node;
}

async function setUp(): Promise<void> {
  hub = await startHubDeployment({ demo: true });
  for (let i = 0; i < CONSOLES; i++) {
    const proxy = await startFaultProxy(() => hub.urlFor(i), linkSeed(i), CALM);
    const console = startTestConsole({ seedDemo: false, manualSync: !BACKGROUND_SYNC, pageSize: PAGE_SIZES[i % PAGE_SIZES.length]! });
    await connect(console, proxy.url);
    proxy.setRates(HOSTILE);
    nodes.push({ console, proxy });
  }
}

/** The hub restarts six times per run, alternately shut down cleanly and killed mid-flight. */
const RESTART_EVERY = Math.max(1, Math.floor(OPERATIONS / 6));
const BACKUP_AT = Math.floor(OPERATIONS / 3) + 1;
const RESTORE_AT = Math.floor((OPERATIONS * 2) / 3) + 1;

async function randomOperation(step: number): Promise<void> {
  if (step > 0 && step % RESTART_EVERY === 0) return restartHub(tally.restarts % 2 === 1);
  if (step === BACKUP_AT) return takeBackup();
  if (step === RESTORE_AT) return restoreBackup();
  const roll = random.next();
  const node = random.pick(nodes);
  if (roll < 0.01) await queuePoison(node);
  else if (roll < 0.07) await bookNewWorkInContestedSlot(node);
  else if (roll < 0.65) await sendRandomMutation(node);
  else if (roll < 0.9) await trySync(node);
  else toggleLink(node);
}

async function sendRandomMutation(node: Node): Promise<void> {
  const candidates = consoleBookings(node.console).filter((b) => b.status !== 'completed' && b.status !== 'canceled');
  if (candidates.length === 0) return;
  const booking = random.pick(candidates);
  const { name, args } = randomMutationFor(booking, random);
  const result = await node.console.call<{ mutationId: string; queued: boolean }>('runMutation', { name, args });
  if (!result.queued) {
    tally.locallyRefused++;
    return;
  }
  sent.push({ id: result.mutationId, name, bookingId: booking.id });
  owners.set(result.mutationId, node);
}

let newWork = 0;
const DAY_MS = 86_400_000;
/** Tomorrow 15:00 UTC (09:00 in Chicago), on the hour: every console aims at the same few slots. */
const contestedDayStart = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS + 15 * 3_600_000;

/**
 * Consoles create work orders and book them on the same six technicians in the same few
 * slots, so pushes race for them: the hub must let exactly one booking have each slot.
 */
async function bookNewWorkInContestedSlot(node: Node): Promise<void> {
  newWork++;
  const workOrderId = `wo-sim-${newWork}`;
  const accountId = random.pick(node.console.services.db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 50').pluck().all() as string[]);
  const created = await send(node, 'createWorkOrder', { workOrderId, accountId, incidentTypeId: 'inc-leak-repair' }, null);
  if (!created) return;
  const version = node.console.services.db.prepare('SELECT version FROM work_orders WHERE id = ?').pluck().get(workOrderId) as number;
  await send(
    node,
    'scheduleWorkOrder',
    {
      workOrderId,
      expectedVersion: version,
      bookingId: `bkg-sim-${newWork}`,
      resourceId: random.pick(['res-001', 'res-002', 'res-003', 'res-004', 'res-005', 'res-006']),
      start: contestedDayStart + random.int(0, 15) * 30 * 60_000,
      override: { reason: 'fault simulation: contested slot' },
    },
    `bkg-sim-${newWork}`,
  );
}

async function send(node: Node, name: string, args: Record<string, unknown>, bookingId: string | null): Promise<boolean> {
  const result = await node.console.call<{ mutationId: string; queued: boolean }>('runMutation', { name, args });
  if (!result.queued) {
    tally.locallyRefused++;
    return false;
  }
  sent.push({ id: result.mutationId, name, bookingId });
  owners.set(result.mutationId, node);
  return true;
}

const nextStatus: Partial<Record<BookingStatus, BookingStatus>> = { scheduled: 'traveling', traveling: 'in_progress', in_progress: 'completed' };

function randomMutationFor(booking: BookingRow, rnd: Random): { name: string; args: Record<string, unknown> } {
  const base = { bookingId: booking.id, expectedVersion: booking.version };
  const roll = rnd.next();
  if (roll < 0.35 && booking.status === 'scheduled') {
    return { name: 'moveBooking', args: { ...base, start: booking.start + rnd.pick([-60, -30, 30, 60, 90]) * 60_000 } };
  }
  if (roll < 0.5 && booking.reviewState === 'needs_review') {
    return { name: 'acceptAutoAssignment', args: { bookings: [base] } };
  }
  if (roll < 0.65 && booking.status !== 'in_progress') {
    return { name: 'cancelBooking', args: { ...base, reasonCode: 'customer-request', note: 'fault simulation' } };
  }
  return { name: 'setBookingStatus', args: { ...base, status: nextStatus[booking.status] ?? 'completed' } };
}

async function trySync(node: Node): Promise<void> {
  try {
    await node.console.call('syncNow');
  } catch {
    tally.syncFailures++;
  }
}

function toggleLink(node: Node): void {
  const cut = random.chance(0.5);
  if (cut) tally.cuts++;
  node.proxy.cut(cut);
}

/** An online backup, as an operator would take one; what it holds is remembered for the final accounting. */
async function takeBackup(): Promise<void> {
  restore.backup = await hub.backup();
  restore.backupOutcomes = await readOutcomes(restore.backup);
  restore.backupVersions = new Map((await hubBookings(restore.backup)).map((b) => [b.id, b.version]));
}

/** The hub is stopped, the backup put back (`hub restore`, or pg_restore and `hub new-epoch`), and the hub started again. */
async function restoreBackup(): Promise<void> {
  restore.beforeRestore = await readOutcomes();
  await hub.restore(restore.backup!);
  restore.done = true;
}

/** Applied (or refused) after the backup and before the restore, and never sent again: the restore undid them. */
function undoneByRestore(final: Map<string, HubOutcome>): Set<string> {
  if (!restore.done) return new Set();
  return new Set([...restore.beforeRestore.keys()].filter((id) => !restore.backupOutcomes.has(id) && !final.has(id)));
}

const poisonKinds: { name: string; args: string; code: string }[] = [
  { name: 'constructor', args: '{}', code: 'unknown_mutation' },
  { name: '__proto__', args: '{}', code: 'unknown_mutation' },
  { name: 'toString', args: '{}', code: 'unknown_mutation' },
  { name: 'x'.repeat(120), args: '{}', code: 'unknown_mutation' },
  { name: 'moveBooking', args: '{"bookingId":"bkg-00001","expectedVersion":1,"start":8640000000000000}', code: 'invalid_args' },
  { name: 'cancelBooking', args: `${'{"a":'.repeat(3000)}{}${'}'.repeat(3000)}`, code: 'invalid_args' },
];

/** Writes a poison mutation straight into the console's outbox: the hub must refuse it alone and the queue flow on. */
async function queuePoison(node: Node): Promise<void> {
  const kind = random.pick(poisonKinds);
  const id = crypto.randomUUID();
  node.console.services.db
    .prepare("INSERT INTO outbox (mutation_id, name, args_json, created_at, state) VALUES (?, ?, ?, ?, 'pending')")
    .run(id, kind.name, kind.args, Date.now());
  poisoned.push({ id, node, code: kind.code });
  tally.poison++;
}

async function expectPoisonRefused(): Promise<void> {
  expect(poisoned.length).toBeGreaterThan(0);
  for (const node of nodes) {
    const issues = new Map((await node.console.call<SyncIssue[]>('listSyncIssues')).map((i) => [i.mutationId, i]));
    for (const p of poisoned.filter((x) => x.node === node)) expect(issues.get(p.id), `poison ${p.id}`).toMatchObject({ state: 'refused', code: p.code });
  }
}

async function restartHub(kill: boolean): Promise<void> {
  tally.restarts++;
  if (kill) tally.kills++;
  // With two instances they take turns: the other keeps serving its consoles meanwhile.
  await hub.restart(tally.restarts, kill);
}

/** Heals the network and lets every console drain its outbox and pull the final state. */
async function settle(): Promise<void> {
  for (const node of nodes) {
    node.proxy.cut(false);
    node.proxy.setRates(CALM);
  }
  for (let round = 0; round < 20; round++) {
    for (const node of nodes) await trySync(node);
    const pending = await Promise.all(nodes.map((n) => n.console.call<SyncStatus>('getSyncStatus')));
    if (pending.every((s) => s.pendingCount === 0)) break;
  }
  for (const node of nodes) await node.console.call('syncNow');
}

function consoleBookings(console: TestConsole): BookingRow[] {
  return console.services.db
    .prepare(
      `SELECT id, version, status, resource_id AS resourceId, start_ms AS start, end_ms AS end, review_state AS reviewState
       FROM bookings ORDER BY id`,
    )
    .all() as BookingRow[];
}

async function hubBookings(from?: HubBackup): Promise<BookingRow[]> {
  const rows = await hub.query<BookingRow>(
    'SELECT id, version, status, resource_id AS "resourceId", start_ms AS "start", end_ms AS "end", review_state AS "reviewState" FROM bookings',
    from,
  );
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type HubOutcome = { status: 'applied' } | { status: 'refused'; reason: string };

async function readOutcomes(from?: HubBackup): Promise<Map<string, HubOutcome>> {
  const rows = await hub.query<{ id: string; outcome_json: string }>('SELECT id, outcome_json FROM applied_mutations', from);
  return new Map(rows.map((r) => [r.id, JSON.parse(r.outcome_json) as HubOutcome]));
}

/**
 * Each mutation in this simulation changes exactly one booking once, so versions count
 * applications: from the start, or after a restore from the backup's versions, counting what
 * was applied since (not already in the backup).
 */
function expectEachBookingChangedOncePerAppliedMutation(initial: Map<string, number>, finalState: BookingRow[], outcomes: Map<string, HubOutcome>): void {
  const appliedPerBooking = new Map<string, number>();
  for (const m of sent) {
    if (restore.done && restore.backupOutcomes.has(m.id)) continue;
    if (m.bookingId && outcomes.get(m.id)?.status === 'applied') appliedPerBooking.set(m.bookingId, (appliedPerBooking.get(m.bookingId) ?? 0) + 1);
  }
  const mismatches = finalState
    .map((b) => ({ id: b.id, versionIncrease: b.version - (initial.get(b.id) ?? 0), applied: appliedPerBooking.get(b.id) ?? 0 }))
    .filter((b) => b.versionIncrease !== b.applied);
  expect(mismatches).toEqual([]);
}

function expectNoDoubleBooking(bookings: BookingRow[]): void {
  const active = bookings.filter((b) => b.status !== 'canceled').sort((a, b) => a.resourceId.localeCompare(b.resourceId) || a.start - b.start);
  const overlaps = active.filter((b, i) => i > 0 && active[i - 1]!.resourceId === b.resourceId && active[i - 1]!.end > b.start);
  expect(overlaps).toEqual([]);
}

function sum(stats: FaultStats[], key: keyof FaultStats): number {
  return stats.reduce((total, s) => total + s[key], 0);
}
