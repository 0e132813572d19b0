/**
 * Dispatcher benchmark (npx tsx bench/dispatch-bench.ts): "find availability" for one work order
 * and "plan the day" (time to the first plan) through the console's own API (the IPC handlers
 * over a real replica file; the planner in its worker thread), at the sizes of the issue.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { build } from 'vite';
import { insertDataset } from '../electron/main/db/writes/insert-dataset';
import { createApiDispatcher } from '../electron/main/ipc/register';
import { startConsoleServices, type ConsoleServices } from '../electron/main/services';
import type { Availability, PlanRun } from '../shared/contract/dispatch-contract';
import type { ConsoleEvent } from '../shared/contract/ipc-contract';
import { BENCH_DAY, BENCH_ZONE, benchReplicaData, type ReplicaDataOptions } from './dispatch/replica-data';

const AVAILABILITY_TARGET_MS = 50;
const FIRST_PLAN_TARGET_MS = 1000;

/** The planner's worker as the app ships it: bundled JavaScript (from source it would be compiled as it starts). */
async function builtPlanWorker(): Promise<string> {
  const outDir = path.resolve('.cache', 'bench-plan-worker');
  await build({
    logLevel: 'warn',
    build: { ssr: path.resolve('electron/main/scheduling/plan-worker.ts'), outDir, emptyOutDir: true, rollupOptions: { output: { format: 'es', entryFileNames: 'plan-worker.js' } } },
  });
  return path.join(outDir, 'plan-worker.js');
}

function open(options: ReplicaDataOptions & { planWorkerFile?: string }): { services: ConsoleServices; call: <T>(method: string, payload: unknown) => Promise<T> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-dispatch-bench-'));
  const services = startConsoleServices({
    dataFile: path.join(dir, 'replica.sqlite'),
    appVersion: 'bench',
    runtime: 'browser-host',
    seedDemo: false,
    autoSync: false,
    planBudgetMs: 2000,
    ...(options.planWorkerFile ? { planWorkerFile: options.planWorkerFile } : {}),
  });
  insertDataset(services.db, benchReplicaData(options));
  const dispatch = createApiDispatcher(services);
  return {
    services,
    async call<T>(method: string, payload: unknown) {
      const result = await dispatch(method, payload);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.data as T;
    },
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const day = Temporal.PlainDate.from(BENCH_DAY);
const span = { from: day.toZonedDateTime({ timeZone: BENCH_ZONE }).epochMilliseconds, to: day.add({ days: 1 }).toZonedDateTime({ timeZone: BENCH_ZONE }).epochMilliseconds };

async function availability(technicians: number, bookingsPerDay: number): Promise<void> {
  const { services, call } = open({ technicians, bookingsPerDay, unscheduled: 60 });
  try {
    const ids = services.db.prepare("SELECT id FROM work_orders WHERE status = 'unscheduled' ORDER BY id").pluck().all() as string[];
    // The first question ever reads the technicians and the days' bookings from the replica.
    let t0 = performance.now();
    await call<Availability>('findAvailability', { target: { workOrderId: ids[0] }, when: span });
    const cold = performance.now() - t0;
    // After a change (a booking moved), a moment later as a dispatcher's next click comes, and at once.
    const afterChange = async (pauseMs: number): Promise<number> => {
      const booking = services.db.prepare("SELECT id, version, start_ms AS start FROM bookings WHERE status = 'scheduled' ORDER BY random() LIMIT 1").get() as { id: string; version: number; start: number };
      await call('runMutation', { name: 'pinBooking', args: { bookingId: booking.id, expectedVersion: booking.version } });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const start = performance.now();
      await call<Availability>('findAvailability', { target: { workOrderId: ids[1] }, when: span });
      return performance.now() - start;
    };
    const afterPause = [await afterChange(400), await afterChange(400), await afterChange(400)];
    const atOnce = await afterChange(0);
    const times: number[] = [];
    let candidates = 0;
    for (const id of ids.slice(1)) {
      t0 = performance.now();
      const answer = await call<Availability>('findAvailability', { target: { workOrderId: id }, when: span });
      times.push(performance.now() - t0);
      candidates += answer.candidates.filter((c) => c.outcome !== 'excluded').length;
    }
    const p95 = percentile(times, 95);
    console.log(
      `find availability, ${technicians} techs × ${bookingsPerDay} bookings a day`.padEnd(58) +
        `p95 ${p95.toFixed(1)} ms (median ${percentile(times, 50).toFixed(1)}, ${times.length} work orders, ${(candidates / times.length).toFixed(0)} technicians free each) ` +
        `target ${AVAILABILITY_TARGET_MS} ms ${p95 <= AVAILABILITY_TARGET_MS ? 'PASS' : 'MISS'}; first ever ${cold.toFixed(0)} ms, 0.4 s after a change ${Math.max(...afterPause).toFixed(1)} ms (worst of 3), right after one ${atOnce.toFixed(0)} ms`,
    );
  } finally {
    services.close();
  }
}

async function planTheDay(planWorkerFile: string | undefined, label: string): Promise<void> {
  const runs: { first: number; inWorker: number; assigned: number; improved: number | null }[] = [];
  for (let run = 0; run < 4; run++) {
    const { services, call } = open({ technicians: 50, bookingsPerDay: 100, unscheduled: 200, seed: 20 + run, planWorkerFile });
    try {
      const events: PlanRun[] = [];
      let firstAt = 0;
      let doneAt = 0;
      services.onEvent((event: ConsoleEvent) => {
        if (event.type !== 'plan-progress') return;
        events.push(event.run);
        if (event.run.preview && !firstAt) firstAt = performance.now();
        if (event.run.state === 'done') doneAt = performance.now();
      });
      const t0 = performance.now();
      const started = await call<PlanRun>('startPlan', { date: BENCH_DAY });
      if (started.workOrderCount !== 200) throw new Error(`expected 200 work orders, planned ${started.workOrderCount}`);
      while (!doneAt) await new Promise((resolve) => setTimeout(resolve, 20));
      const first = events.find((e) => e.preview)!;
      const last = events.at(-1)!;
      if (run > 0) runs.push({ first: firstAt - t0, inWorker: first.firstResultMs ?? NaN, assigned: first.preview!.assignments.length, improved: last.preview ? last.preview.travelAfterMinutes - last.preview.travelBeforeMinutes : null });
    } finally {
      services.close();
    }
  }
  const firsts = runs.map((r) => r.first);
  const worst = Math.max(...firsts);
  console.log(
    `plan the day, 200 work orders × 50 techs, ${label}`.padEnd(58) +
      `first plan ${percentile(firsts, 50).toFixed(0)} ms median, ${worst.toFixed(0)} ms worst (startPlan call → first plan on the event channel; ` +
      `${percentile(runs.map((r) => r.inWorker), 50).toFixed(0)} ms of it from the worker's start), ${runs[0]?.assigned ?? '?'} placed  target ${FIRST_PLAN_TARGET_MS} ms ${worst <= FIRST_PLAN_TARGET_MS ? 'PASS' : 'MISS'}`,
  );
}

async function main(): Promise<void> {
  const [load = 0] = loadavg();
  if (load > availableParallelism() / 2) console.log(`note: load average ${load.toFixed(1)} on ${availableParallelism()} cores — figures are pessimistic`);
  await availability(200, 2_000);
  await availability(1_000, 10_000);
  await planTheDay(await builtPlanWorker(), 'built worker');
  await planTheDay(undefined, 'from source');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
