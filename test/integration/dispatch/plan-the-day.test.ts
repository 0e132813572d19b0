import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanRun } from '../../../shared/contract/dispatch-contract';
import type { ConsoleEvent, RunMutationResponse } from '../../../shared/contract/ipc-contract';
import { at, DAY } from '../../support/small-company';
import { startSmallConsole, type SmallConsole } from './support/small-console';

/** "Plan the day" in a worker thread, told through progress events; cancel; a planner that fails. */
const consoles: SmallConsole[] = [];
afterEach(() => consoles.splice(0).forEach((c) => c.close()));
function open(options: { planBudgetMs?: number; planWorkerFile?: string } = {}): SmallConsole {
  const c = startSmallConsole({ now: at('06:00'), ...options });
  consoles.push(c);
  return c;
}

function progress(c: SmallConsole, id: string): PlanRun[] {
  return c.events.flatMap((e: ConsoleEvent) => (e.type === 'plan-progress' && e.run.id === id ? [e.run] : []));
}

async function until(c: SmallConsole, id: string, done: (run: PlanRun) => boolean, timeoutMs = 20_000): Promise<PlanRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = progress(c, id).at(-1);
    if (last && done(last)) return last;
    if (Date.now() > deadline) throw new Error(`plan ${id} never got there; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function workerFile(source: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dd-worker-')), 'worker.mjs');
  writeFileSync(file, source);
  return file;
}

describe('plan the day', () => {
  it('plans every unscheduled work order in a worker, first plan then the improved one, and the plan applies as one change', async () => {
    const c = open();
    const started = await c.call<PlanRun>('startPlan', { date: DAY });
    expect(started).toMatchObject({ state: 'running', workOrderCount: 4, technicianCount: 3, preview: null });
    const done = await until(c, started.id, (run) => run.state === 'done');
    expect(progress(c, started.id).map((r) => r.state)).toEqual(['improving', 'done']);
    expect(done.firstResultMs).toBeGreaterThanOrEqual(0);
    const preview = done.preview!;
    expect(preview.unassigned).toEqual([]);
    expect(preview.assignments.map((a) => [a.workOrderNumber, a.resourceName]).sort()).toEqual([
      ['WO-00001', 'Ann Archer'],
      ['WO-00002', 'Ann Archer'],
      ['WO-00003', 'Ann Archer'],
      ['WO-00004', 'Cy Cole'],
    ]);
    expect(preview.travelAfterMinutes).toBeGreaterThan(preview.travelBeforeMinutes);
    expect(preview.travelAfterKm).toBeGreaterThan(preview.travelBeforeKm);
    expect(await c.call<PlanRun>('getPlanRun', { planId: started.id })).toEqual(done);

    const applied = await c.call<RunMutationResponse>('runMutation', {
      name: 'applySchedule',
      args: { origin: 'plan', book: preview.assignments.map((a, i) => ({ workOrderId: a.workOrderId, expectedVersion: a.workOrderVersion, bookingId: `plan-${i}`, resourceId: a.resourceId, start: a.start })) },
    });
    expect(applied.outcome).toEqual({ status: 'applied' });
    const again = await c.call<PlanRun>('startPlan', { date: DAY });
    expect(again.workOrderCount).toBe(0);
  });

  it('a cancel while improving keeps the first plan, and says it stopped early', async () => {
    // The real first plan, then an improvement held open until canceled: the real planner
    // solves two work orders exactly in milliseconds, leaving nothing to cancel.
    const c = open({ planBudgetMs: 60_000, planWorkerFile: path.resolve(import.meta.dirname, '../../e2e/support/held-plan-worker.ts') });
    const started = await c.call<PlanRun>('startPlan', { date: DAY, workOrderIds: ['wo-1', 'wo-2'] });
    expect(started.workOrderCount).toBe(2);
    await until(c, started.id, (run) => run.state === 'improving');
    const canceled = await c.call<PlanRun>('cancelPlan', { planId: started.id });
    expect(canceled).toMatchObject({ state: 'done', stoppedEarly: true });
    expect(canceled.preview!.assignments).toHaveLength(2);
  });

  it('a cancel before any plan leaves none', async () => {
    const c = open({ planWorkerFile: workerFile('setInterval(() => {}, 1000);\n') });
    const started = await c.call<PlanRun>('startPlan', { date: DAY });
    expect(await c.call<PlanRun>('cancelPlan', { planId: started.id })).toMatchObject({ state: 'canceled', preview: null });
    expect(await c.fail('cancelPlan', { planId: 'no-such-plan' })).toMatchObject({ code: 'not_found' });
  });

  it('a planner that crashes ends the run as failed, with the reason', async () => {
    const c = open({ planWorkerFile: workerFile("throw new Error('planner exploded');\n") });
    const started = await c.call<PlanRun>('startPlan', { date: DAY });
    const failed = await until(c, started.id, (run) => run.state === 'failed');
    expect(failed.error).toContain('planner exploded');
  });
});
