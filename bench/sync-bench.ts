/**
 * Hub ↔ console sync benchmark (npx tsx bench/sync-bench.ts), on SQLite and then on PostgreSQL
 * (a throw-away server on 127.0.0.1, Debian's postgresql). A real hub process (server/main.ts)
 * on a store of the demo reference data plus 100,000 work orders and 200,000 bookings; consoles
 * are real console services (electron/main/services.ts) in child processes of their own.
 *   1. initial sync of the whole store into an empty replica (connectHub: the snapshot stream);
 *   2. push of 1,000 mutations queued while the hub was down, after it comes back (syncNow);
 *   3. change at the hub → readable in another console's replica (SSE-driven pull), 50 times;
 *      on PostgreSQL the two consoles use two hub instances (LISTEN/NOTIFY between them).
 * SYNC_BENCH_ENGINES=sqlite (or postgres) runs one engine only.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DemoDataset } from '../shared/demo/seed-builder';
import { buildSnapshotWorker } from './sync-bench/built-worker';
import { startConsoleProcess, type ConsoleProcess } from './sync-bench/console-process';
import { printTable, summarise } from './report-table';
import { buildSyncBenchDataset } from './sync-bench/dataset';
import { startPostgres, type PostgresServer } from '../test/support/postgres-server';
import { createAdmin, engineOf, loadHubStore, peakRssMb, startHub, type BenchStore, type RunningHub } from './sync-bench/hub';

const WORK_ORDERS = 100_000;
const QUEUED_MUTATIONS = 1_000;
const LATENCY_RUNS = 50;

const rows: string[][] = [];
const row = (benchmark: string, measure: string, value: string) => rows.push([benchmark, measure, value]);
const seconds = (s: number) => `${s.toFixed(2)} s`;
const perSecond = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')}/s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, delayMs));

const workDir = mkdtempSync(path.join(tmpdir(), 'dd-sync-bench-'));
const replica = (name: string) => {
  mkdirSync(path.join(workDir, name), { recursive: true });
  return path.join(workDir, name, 'replica.sqlite');
};
let hub: RunningHub | undefined;
/** The second instance (PostgreSQL only) that console B uses in benchmark 3. */
let other: RunningHub | undefined;
let postgres: PostgresServer | undefined;
const consoles = new Set<ConsoleProcess>();

/** The snapshot reader's worker as the app ships it (built-worker.ts). */
const snapshotWorker = buildSnapshotWorker(workDir);

async function openConsole(dataFile: string): Promise<ConsoleProcess> {
  const consoleProcess = await startConsoleProcess(dataFile, await snapshotWorker);
  consoles.add(consoleProcess);
  return consoleProcess;
}

async function closeConsole(consoleProcess: ConsoleProcess): Promise<void> {
  consoles.delete(consoleProcess);
  await consoleProcess.exit();
}

/** Setup, not part of any figure: writing the generated data through the hub store. */
async function prepareHub(store: BenchStore, dataset: DemoDataset): Promise<number> {
  const total = countRows(dataset);
  const started = performance.now();
  await loadHubStore(store, dataset);
  const loadSeconds = (performance.now() - started) / 1000;
  row(`setup (${engineOf(store)})`, `hub load (insertDataset, one transaction, ${total.toLocaleString('en-US')} rows)`, `${seconds(loadSeconds)} (${perSecond(total, loadSeconds)})`);
  createAdmin(store);
  return total;
}

function countRows(dataset: DemoDataset): number {
  return Object.values(dataset).reduce((sum, list: unknown[]) => sum + list.length, 0);
}

/** 1. connectHub on an empty replica: sign-in, then every page of changes (1,000 rows a page, the default). */
async function initialSync(store: BenchStore, hubRows: number): Promise<ConsoleProcess> {
  hub = await startHub(store);
  const consoleProcess = await openConsole(replica(`console-1-${engineOf(store)}`));
  const result = await consoleProcess.call('connect', { url: hub.url });
  if (result.status.connection !== 'online') throw new Error(`Initial sync failed: ${result.status.lastError}`);
  if (result.rows.total !== hubRows) throw new Error(`The replica holds ${result.rows.total} rows, the hub ${hubRows}.`);
  const name = `1. initial sync (${engineOf(store)})`;
  row(name, 'rows (incl. 100,000 work orders, 200,000 bookings)', result.rows.total.toLocaleString('en-US'));
  row(name, 'time (connectHub → online)', seconds(result.seconds));
  row(name, 'throughput', perSecond(result.rows.total, result.seconds));
  row(name, 'hub process peak RSS (VmHWM)', mb(peakRssMb(hub.child.pid!)));
  row(name, 'console process peak RSS (VmHWM)', mb(peakRssMb(consoleProcess.pid)));
  return consoleProcess;
}

/** 2. The hub goes away, the dispatcher keeps working (1,000 status changes queue up), the hub comes back. */
async function pushAfterReconnect(store: BenchStore, consoleProcess: ConsoleProcess): Promise<void> {
  const port = hub!.port;
  await hub!.stop();
  const queued = await consoleProcess.call('queueStatusChanges', { count: QUEUED_MUTATIONS });
  if (queued.pending !== QUEUED_MUTATIONS) throw new Error(`Only ${queued.pending} of ${QUEUED_MUTATIONS} mutations were queued.`);
  hub = await startHub(store, port);
  const result = await consoleProcess.call('syncNow', { bookingIds: queued.bookingIds });
  const name = `2. push after reconnect (${engineOf(store)})`;
  if (result.status.pendingCount !== 0 || result.status.refusedCount !== 0) throw new Error(`Outbox not empty: ${JSON.stringify(result.status)}`);
  if (result.travelingAtHub !== QUEUED_MUTATIONS) throw new Error(`Only ${result.travelingAtHub} changes came back from the hub.`);
  row(name, 'queue 1,000 setBookingStatus offline (not in the figure)', `${seconds(queued.seconds)} (${ms((queued.seconds * 1000) / QUEUED_MUTATIONS)} each)`);
  row(name, 'syncNow → outbox empty (push, 100 a request)', seconds(result.pushSeconds));
  row(name, 'push throughput', perSecond(QUEUED_MUTATIONS, result.pushSeconds));
  row(name, 'syncNow total (push + pull of the results)', `${seconds(result.totalSeconds)} (${perSecond(QUEUED_MUTATIONS, result.totalSeconds)})`);
}

/**
 * Two consoles from copies of console 1's replica (saves a second 300,000-row initial sync). On
 * PostgreSQL B talks to a second hub instance on the same database.
 */
async function twoConsoles(store: BenchStore, from: ConsoleProcess): Promise<[ConsoleProcess, ConsoleProcess]> {
  await closeConsole(from);
  const source = replica(`console-1-${engineOf(store)}`);
  if (store.database) other = await startHub(store);
  const opened: ConsoleProcess[] = [];
  for (const [name, url] of [['a', hub!.url], ['b', (other ?? hub)!.url]] as const) {
    const target = replica(`console-${name}-${engineOf(store)}`);
    copyFileSync(source, target);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${target}-wal`);
    const consoleProcess = await openConsole(target);
    // Same data, and the hub's address differs only on PostgreSQL: connectHub then downloads everything again.
    await consoleProcess.call('connect', { url });
    opened.push(consoleProcess);
  }
  return opened as [ConsoleProcess, ConsoleProcess];
}

/** 3. A sets a booking to Traveling; how long until B's replica holds the hub's new version. */
async function propagation(store: BenchStore, a: ConsoleProcess, b: ConsoleProcess): Promise<void> {
  const fromCommit: number[] = [];
  const fromLocalWrite: number[] = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const booking = await a.call('pickScheduled', {});
    await b.call('arm', { bookingId: booking.id, version: booking.version + 1 });
    const { startedAt, pushedAt } = await a.call('mutate', { bookingId: booking.id, version: booking.version });
    const { seenAt } = await b.call('waitSeen', {});
    fromCommit.push(seenAt - pushedAt);
    fromLocalWrite.push(seenAt - startedAt);
    // Let both consoles' follow-up pulls finish so runs do not overlap.
    await sleep(150);
  }
  const name = store.database ? '3. hub → other console (PostgreSQL, across two instances)' : '3. hub → other console (SQLite)';
  const commit = summarise(fromCommit);
  const local = summarise(fromLocalWrite);
  row(name, `A's push answered → in B's replica (median / p95 / max, ${LATENCY_RUNS} runs)`, `${ms(commit.median)} / ${ms(commit.p95)} / ${ms(commit.max)}`);
  row(name, "A's local write → in B's replica (median / p95 / max)", `${ms(local.median)} / ${ms(local.p95)} / ${ms(local.max)}`);
}



async function runEngine(store: BenchStore, dataset: DemoDataset): Promise<void> {
  const hubRows = await prepareHub(store, dataset);
  const first = await initialSync(store, hubRows);
  await pushAfterReconnect(store, first);
  const [a, b] = await twoConsoles(store, first);
  await propagation(store, a, b);
  for (const open of [...consoles]) await closeConsole(open);
  await other?.stop();
  await hub?.stop();
  other = hub = undefined;
}

async function main(): Promise<void> {
  const engines = (process.env.SYNC_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
  const started = performance.now();
  const dataset = buildSyncBenchDataset({ workOrders: WORK_ORDERS, technicians: 120, now: Date.now() });
  row('setup', 'generate dataset', seconds((performance.now() - started) / 1000));
  if (engines.includes('sqlite')) await runEngine({ dataDir: path.join(workDir, 'hub-sqlite') }, dataset);
  if (engines.includes('postgres')) {
    postgres = await startPostgres();
    await runEngine({ dataDir: path.join(workDir, 'hub-postgres'), database: await postgres.createDatabase('sync_bench') }, dataset);
  }
  printTable(rows);
}

async function cleanUp(): Promise<void> {
  for (const open of [...consoles]) await closeConsole(open).catch(() => undefined);
  await other?.stop();
  await hub?.stop();
  postgres?.stop();
  rmSync(workDir, { recursive: true, force: true });
}

main()
  .finally(cleanUp)
  .catch((error: unknown) => {
    printTable(rows);
    console.error(error);
    process.exitCode = 1;
  });
