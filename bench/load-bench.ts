/**
 * Load benchmark (npx tsx bench/load-bench.ts): 50 simulated consoles against real hub processes
 * on 127.0.0.1 for 60 s each run — one hub on SQLite, then two hub instances on one PostgreSQL
 * (consoles spread over both). Each console signs in (one after another), then loops: push one mutation (pin or
 * unpin one of its own bookings, so every push is applied), and every fifth time pull what
 * changed since its cursor, with think time between requests: 150 ms, so the consoles offer
 * about 300 mutations a second and the latencies are those of a hub working at that rate, not
 * of one flooded past it (LOAD_BENCH_THINK_MS=0 floods it: the highest rate it sustains).
 * Reports sustained applied mutations per second and push latency percentiles.
 * LOAD_BENCH_SECONDS shortens a run.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres, type PostgresServer } from '../test/support/postgres-server';
import { buildDemoDataset, DEMO_SEED } from '../shared/demo/seed-builder';
import { ADMIN, createAdmin, engineOf, loadHubStore, startHub, type BenchStore, type RunningHub } from './sync-bench/hub';

const CONSOLES = 50;
const SECONDS = Number(process.env.LOAD_BENCH_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_BENCH_THINK_MS ?? 150);
const PULL_EVERY = 5;

interface Tally {
  latencies: number[];
  applied: number;
  refused: number;
  failed: number;
  pulls: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function scheduledBookings(url: string, token: string): Promise<{ id: string; version: number; pinned: boolean }[]> {
  const found = new Map<string, { id: string; version: number; pinned: boolean; status: string }>();
  for (let cursor = 0; ; ) {
    const page = (await (await fetch(`${url}/api/v1/sync/pull?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      changes: { entity: string; id: string; deleted: boolean; data: { version: number; pinned: boolean; status: string } | null }[];
      cursor: number;
      hasMore: boolean;
    };
    for (const c of page.changes) if (c.entity === 'booking' && !c.deleted && c.data) found.set(c.id, { id: c.id, ...c.data });
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return [...found.values()].filter((b) => b.status === 'scheduled');
}

/** One simulated console: its own session, its own bookings, pushes and pulls until `until`. */
async function console$(url: string, token: string, bookings: { id: string; version: number; pinned: boolean }[], until: number, tally: Tally): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let cursor = Number(((await (await fetch(`${url}/api/v1/health`)).json()) as { latestChange: number }).latestChange);
  for (let i = 0; Date.now() < until; i++) {
    const booking = bookings[i % bookings.length]!;
    const mutation = { id: randomUUID(), name: booking.pinned ? 'unpinBooking' : 'pinBooking', args: { bookingId: booking.id, expectedVersion: booking.version } };
    const started = performance.now();
    try {
      const response = await fetch(`${url}/api/v1/sync/push`, { method: 'POST', headers, body: JSON.stringify({ mutations: [mutation] }) });
      const result = ((await response.json()) as { results: { status: string }[] }).results[0];
      tally.latencies.push(performance.now() - started);
      if (result?.status === 'applied') {
        tally.applied++;
        booking.version++;
        booking.pinned = !booking.pinned;
      } else tally.refused++;
    } catch {
      tally.failed++;
    }
    if (i % PULL_EVERY === PULL_EVERY - 1) {
      const page = (await (await fetch(`${url}/api/v1/sync/pull?cursor=${cursor}&limit=1000`, { headers })).json()) as { cursor: number };
      cursor = page.cursor;
      tally.pulls++;
    }
    await sleep(THINK_MS);
  }
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

async function run(store: BenchStore, instances: number): Promise<string[]> {
  // The demo company with 120 technicians: three weeks of bookings around today, the coming ones scheduled.
  await loadHubStore(store, buildDemoDataset({ seed: DEMO_SEED, now: Date.now(), technicians: 120 }));
  createAdmin(store);
  const hubs: RunningHub[] = [];
  try {
    for (let i = 0; i < instances; i++) hubs.push(await startHub(store));
    const all = await scheduledBookings(hubs[0]!.url, await signIn(hubs[0]!.url));
    if (all.length < CONSOLES * 4) throw new Error(`Only ${all.length} scheduled bookings for ${CONSOLES} consoles.`);
    // One after another, as consoles do over a morning: parallel sign-ins of one account would hit its attempt limit.
    const tokens: string[] = [];
    for (let c = 0; c < CONSOLES; c++) tokens.push(await signIn(hubs[c % instances]!.url));
    const tally: Tally = { latencies: [], applied: 0, refused: 0, failed: 0, pulls: 0 };
    const until = Date.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(Array.from({ length: CONSOLES }, (_, c) => console$(hubs[c % instances]!.url, tokens[c]!, all.filter((_, i) => i % CONSOLES === c), until, tally)));
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    return [
      `${engineOf(store)}${instances > 1 ? `, ${instances} instances` : ''}`,
      `${Math.round(tally.applied / elapsed)}/s`,
      `${ms(percentile(sorted, 0.5))} / ${ms(percentile(sorted, 0.95))} / ${ms(percentile(sorted, 0.99))}`,
      `${tally.applied} applied, ${tally.refused} refused, ${tally.failed} failed, ${tally.pulls} pulls in ${elapsed.toFixed(0)} s`,
    ];
  } finally {
    for (const hub of hubs) await hub.stop();
  }
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'dd-load-bench-'));
  let postgres: PostgresServer | undefined;
  const rows: string[][] = [];
  try {
    rows.push(await run({ dataDir: path.join(workDir, 'sqlite') }, 1));
    postgres = await startPostgres();
    rows.push(await run({ dataDir: path.join(workDir, 'postgres'), database: await postgres.createDatabase('load_bench') }, 2));
  } finally {
    postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  const header = ['hub', `applied mutations/s (${CONSOLES} consoles, ${THINK_MS} ms think time)`, 'push latency p50 / p95 / p99', 'counts'];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length)));
  const print = (r: string[]) => console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | '));
  print(header);
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach(print);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
