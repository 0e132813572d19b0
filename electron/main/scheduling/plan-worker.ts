import { parentPort, workerData } from 'node:worker_threads';
import { runPlanPhases, type PlanPhasesInput } from './plan-phases';

/** Worker thread entry: plans off the main process's event loop, so the console keeps answering. */
if (!parentPort) throw new Error('plan-worker runs only as a worker thread');
const port = parentPort;
runPlanPhases(workerData as PlanPhasesInput, (message) => port.postMessage(message));
