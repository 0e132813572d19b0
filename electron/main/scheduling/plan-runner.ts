import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { PlanPreview, PlanRun } from '../../../shared/contract/dispatch-contract';
import type { PlanResult } from '../../../shared/scheduling/index';
import type { PlanPhaseMessage, PlanPhasesInput } from './plan-phases';
import { startWorker } from '../start-worker';

export interface PlanRunnerOptions {
  /** plan-worker.ts from source (run with tsx) or the built plan-worker.js. */
  workerFile: string;
  budgetMs: number;
  now: () => number;
  emit: (run: PlanRun) => void;
}

export interface PlanRequest {
  date: string;
  input: Omit<PlanPhasesInput, 'budgetMs' | 'seed'>;
  /** Turns the planner's answer into what the dispatcher sees (labels, versions, travel before and after). */
  describe: (result: PlanResult) => PlanPreview;
}

const KEPT_RUNS = 5;

/**
 * "Plan the day" runs, each in its own worker thread so the main process keeps answering the
 * console while the planner searches. Every step is told through `emit` (the event channel):
 * the first plan, the improved one, the end. Cancel stops the worker; a first plan already
 * found is kept (the run ends "stopped early"). One run at a time: a new one cancels the last.
 */
export class PlanRunner {
  private readonly runs = new Map<string, { run: PlanRun; worker: Worker | null }>();

  constructor(private readonly options: PlanRunnerOptions) {}

  start(request: PlanRequest): PlanRun {
    for (const id of [...this.runs.keys()]) this.cancel(id);
    const id = randomUUID();
    const run: PlanRun = {
      id,
      date: request.date,
      state: 'running',
      startedAt: this.options.now(),
      firstResultMs: null,
      workOrderCount: request.input.jobs.length,
      technicianCount: request.input.world.resources.length,
      preview: null,
      stoppedEarly: false,
      error: null,
    };
    const started = performance.now();
    const worker = startWorker(this.options.workerFile, { workerData: { ...request.input, budgetMs: this.options.budgetMs, seed: 1 } satisfies PlanPhasesInput });
    this.remember(id, { run, worker });
    worker.on('message', (message: PlanPhaseMessage) => this.onMessage(id, message, request, started));
    worker.on('error', (error) => this.finish(id, { state: 'failed', error: error.message }));
    worker.on('exit', (code) => {
      const state = this.runs.get(id)?.run.state;
      if (code === 0 || (state !== 'running' && state !== 'improving')) return;
      // A crash while improving still leaves the first plan, which is sound.
      if (state === 'improving') this.finish(id, { state: 'done', stoppedEarly: true });
      else this.finish(id, { state: 'failed', error: `The planner stopped unexpectedly (exit ${code}).` });
    });
    return run;
  }

  cancel(id: string): PlanRun | undefined {
    const entry = this.runs.get(id);
    if (!entry) return undefined;
    if (entry.run.state === 'running') this.finish(id, { state: 'canceled' });
    else if (entry.run.state === 'improving') this.finish(id, { state: 'done', stoppedEarly: true });
    return this.runs.get(id)?.run;
  }

  get(id: string): PlanRun | undefined {
    return this.runs.get(id)?.run;
  }

  close(): void {
    for (const id of this.runs.keys()) this.stopWorker(id);
  }

  private onMessage(id: string, message: PlanPhaseMessage, request: PlanRequest, started: number): void {
    const entry = this.runs.get(id);
    if (!entry || (entry.run.state !== 'running' && entry.run.state !== 'improving')) return;
    if (message.kind === 'error') return this.finish(id, { state: 'failed', error: message.message });
    let preview: PlanPreview;
    try {
      preview = request.describe(message.result);
    } catch (error) {
      return this.finish(id, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
    if (message.phase === 'first') {
      const improving = this.options.budgetMs > 0;
      this.update(id, { state: improving ? 'improving' : 'done', preview, firstResultMs: Math.round(performance.now() - started) });
      if (!improving) this.stopWorker(id);
    } else {
      this.finish(id, { state: 'done', preview });
    }
  }

  private finish(id: string, change: Partial<PlanRun>): void {
    this.stopWorker(id);
    this.update(id, change);
  }

  private update(id: string, change: Partial<PlanRun>): void {
    const entry = this.runs.get(id);
    if (!entry) return;
    entry.run = { ...entry.run, ...change };
    this.options.emit(entry.run);
  }

  private stopWorker(id: string): void {
    const entry = this.runs.get(id);
    if (!entry?.worker) return;
    const worker = entry.worker;
    entry.worker = null;
    worker.removeAllListeners();
    void worker.terminate();
  }

  private remember(id: string, entry: { run: PlanRun; worker: Worker | null }): void {
    this.runs.set(id, entry);
    while (this.runs.size > KEPT_RUNS) {
      const oldest = this.runs.keys().next().value as string;
      this.stopWorker(oldest);
      this.runs.delete(oldest);
    }
  }
}
