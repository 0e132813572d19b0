/**
 * Hub ↔ console sync benchmark (npx tsx bench/sync-bench.ts). A real hub process (server/main.ts)
 * on a store of the demo reference data plus 100,000 work orders and 200,000 bookings; consoles
 * are real console services (electron/main/services.ts) in child processes of their own.
 *   1. initial sync of the whole store into an empty replica (connectHub);
 *   2. push of 1,000 mutations queued while the hub was down, after it comes back (syncNow);
 *   3. change at the hub → readable in another console's replica (SSE-driven pull), 50 times.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DemoDataset } from '../shared/demo/seed-builder';
import { startConsoleProcess, type ConsoleProcess } from './sync-bench/console-process';
import { printTable, summarise } from './report-table';
import { buildSyncBenchDataset } from './sync-bench/dataset';
import { createAdmin, loadHubStore, peakRssMb, startHub, type RunningHub } from './sync-bench/hub';

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
const hubDir = path.join(workDir, 'hub');
const replica = (name: string) => {
  mkdirSync(path.join(workDir, name), { recursive: true });
  return path.join(workDir, name, 'replica.sqlite');
};
let hub: RunningHub | undefined;
const consoles = new Set<ConsoleProcess>();

async function openConsole(dataFile: string): Promise<ConsoleProcess> {
  const consoleProcess = await startConsoleProcess(dataFile);
  consoles.add(consoleProcess);
  return consoleProcess;
}

async function closeConsole(consoleProcess: ConsoleProcess): Promise<void> {
  consoles.delete(consoleProcess);
  await consoleProcess.exit();
}

/** Setup, not part of any figure: generating the data and writing it through the hub store. */
async function prepareHub(): Promise<number> {
  let started = performance.now();
  const dataset = buildSyncBenchDataset({ workOrders: WORK_ORDERS, technicians: 120, now: Date.now() });
  row('setup', 'generate dataset', seconds((performance.now() - started) / 1000));
  const total = countRows(dataset);
  started = performance.now();
  await loadHubStore(hubDir, dataset);
  const loadSeconds = (performance.now() - started) / 1000;
  row('setup', `hub load (insertDataset, one transaction, ${total.toLocaleString('en-US')} rows)`, `${seconds(loadSeconds)} (${perSecond(total, loadSeconds)})`);
  createAdmin(hubDir);
  return total;
}

function countRows(dataset: DemoDataset): number {
  return Object.values(dataset).reduce((sum, list: unknown[]) => sum + list.length, 0);
}

/** 1. connectHub on an empty replica: sign-in, then every page of changes (1,000 rows a page, the default). */
async function initialSync(hubRows: number): Promise<ConsoleProcess> {
  hub = await startHub(hubDir);
  const consoleProcess = await openConsole(replica('console-1'));
  const result = await consoleProcess.call('connect', { url: hub.url });
  if (result.status.connection !== 'online') throw new Error(`Initial sync failed: ${result.status.lastError}`);
  if (result.rows.total !== hubRows) throw new Error(`The replica holds ${result.rows.total} rows, the hub ${hubRows}.`);
  const name = '1. initial sync';
  row(name, 'rows (incl. 100,000 work orders, 200,000 bookings)', result.rows.total.toLocaleString('en-US'));
  row(name, 'time (connectHub → online)', seconds(result.seconds));
  row(name, 'throughput', perSecond(result.rows.total, result.seconds));
  row(name, 'hub process peak RSS (VmHWM)', mb(peakRssMb(hub.child.pid!)));
  row(name, 'console process peak RSS (VmHWM)', mb(peakRssMb(consoleProcess.pid)));
  return consoleProcess;
}

/** 2. The hub goes away, the dispatcher keeps working (1,000 status changes queue up), the hub comes back. */
async function pushAfterReconnect(consoleProcess: ConsoleProcess): Promise<void> {
  const port = hub!.port;
  await hub!.stop();
  const queued = await consoleProcess.call('queueStatusChanges', { count: QUEUED_MUTATIONS });
  if (queued.pending !== QUEUED_MUTATIONS) throw new Error(`Only ${queued.pending} of ${QUEUED_MUTATIONS} mutations were queued.`);
  hub = await startHub(hubDir, port);
  const result = await consoleProcess.call('syncNow', { bookingIds: queued.bookingIds });
  const name = '2. push after reconnect';
  if (result.status.pendingCount !== 0 || result.status.refusedCount !== 0) throw new Error(`Outbox not empty: ${JSON.stringify(result.status)}`);
  if (result.travelingAtHub !== QUEUED_MUTATIONS) throw new Error(`Only ${result.travelingAtHub} changes came back from the hub.`);
  row(name, 'queue 1,000 setBookingStatus offline (not in the figure)', `${seconds(queued.seconds)} (${ms((queued.seconds * 1000) / QUEUED_MUTATIONS)} each)`);
  row(name, 'syncNow → outbox empty (push, 100 a request)', seconds(result.pushSeconds));
  row(name, 'push throughput', perSecond(QUEUED_MUTATIONS, result.pushSeconds));
  row(name, 'syncNow total (push + pull of the results)', `${seconds(result.totalSeconds)} (${perSecond(QUEUED_MUTATIONS, result.totalSeconds)})`);
}

/** Two consoles from copies of console 1's replica (saves a second 300,000-row initial sync). */
async function twoConsoles(from: ConsoleProcess): Promise<[ConsoleProcess, ConsoleProcess]> {
  await closeConsole(from);
  const source = path.join(workDir, 'console-1', 'replica.sqlite');
  const opened: ConsoleProcess[] = [];
  for (const name of ['console-a', 'console-b']) {
    const target = replica(name);
    copyFileSync(source, target);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${target}-wal`);
    const consoleProcess = await openConsole(target);
    // Same hub and origin: connectHub signs in again and syncs only what changed since.
    await consoleProcess.call('connect', { url: hub!.url });
    opened.push(consoleProcess);
  }
  return opened as [ConsoleProcess, ConsoleProcess];
}

/** 3. A sets a booking to Traveling; how long until B's replica holds the hub's new version. */
async function propagation(a: ConsoleProcess, b: ConsoleProcess): Promise<void> {
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
  const name = '3. hub → other console';
  const commit = summarise(fromCommit);
  const local = summarise(fromLocalWrite);
  row(name, `A's push answered → in B's replica (median / p95 / max, ${LATENCY_RUNS} runs)`, `${ms(commit.median)} / ${ms(commit.p95)} / ${ms(commit.max)}`);
  row(name, "A's local write → in B's replica (median / p95 / max)", `${ms(local.median)} / ${ms(local.p95)} / ${ms(local.max)}`);
}



async function main(): Promise<void> {
  const hubRows = await prepareHub();
  const first = await initialSync(hubRows);
  await pushAfterReconnect(first);
  const [a, b] = await twoConsoles(first);
  await propagation(a, b);
  printTable(rows);
}

async function cleanUp(): Promise<void> {
  for (const open of [...consoles]) await closeConsole(open).catch(() => undefined);
  await hub?.stop();
  rmSync(workDir, { recursive: true, force: true });
}

main()
  .finally(cleanUp)
  .catch((error: unknown) => {
    printTable(rows);
    console.error(error);
    process.exitCode = 1;
  });
