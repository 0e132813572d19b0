import { parentPort, workerData } from 'node:worker_threads';
import { runPlanPhases, type PlanPhasesInput } from '../../../electron/main/scheduling/plan-phases';

/**
 * A "Plan the day" worker for the browser suite: the real planner's first plan, then nothing
 * until the run is canceled (the console terminates the worker), so "Improving the plan…" lasts
 * as long as the test needs.
 */
if (!parentPort) throw new Error('held-plan-worker runs only as a worker thread');
const port = parentPort;
runPlanPhases({ ...(workerData as PlanPhasesInput), budgetMs: 0 }, (message) => port.postMessage(message));
setInterval(() => undefined, 60_000);
