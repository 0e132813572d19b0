import { parentPort, workerData } from 'node:worker_threads';
import { SnapshotMalformedError, SnapshotPreparer } from './snapshot-rows';
import type { ReaderRequest, WorkerMessage } from './snapshot-reader';

/**
 * Worker thread entry of the snapshot reader (snapshot-reader.ts): prepares the stream's pieces
 * as they come and answers each piece with its lines, then with how many bytes it used up. The
 * first refused line ends its work: nothing after it matters, the download is rolled back.
 */
if (!parentPort) throw new Error('snapshot-worker runs only as a worker thread');
const port = parentPort;
const preparer = new SnapshotPreparer((workerData as { baseUrl: string }).baseUrl);
let stopped = false;
const send = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (request: ReaderRequest) => {
  if (stopped) return;
  try {
    if (request.kind === 'done') {
      preparer.finish();
      send({ kind: 'finished' });
      return;
    }
    for (const line of preparer.push(request.piece)) send(line);
    send({ kind: 'consumed', bytes: request.piece.byteLength });
  } catch (error) {
    stopped = true;
    if (error instanceof SnapshotMalformedError) send({ kind: 'malformed', message: error.message });
    else send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
