import { fileURLToPath } from 'node:url';
import { startWorker } from '../start-worker';
import { HubError } from './hub-client';
import type { PreparedLine } from './snapshot-rows';

/** What the reader sends its worker: a piece of the stream (its buffer handed over), or the end of it. */
export type ReaderRequest = { kind: 'piece'; piece: Uint8Array } | { kind: 'done' };

/** What the worker answers: prepared lines, bytes used up, the end, or why it stopped. */
export type WorkerMessage = PreparedLine | { kind: 'consumed'; bytes: number } | { kind: 'finished' } | { kind: 'malformed'; message: string } | { kind: 'failed'; message: string };

export interface SnapshotReaderOptions {
  /** Whose snapshot it is (named in what the dispatcher is told). */
  baseUrl: string;
  /** snapshot-worker.ts from source (run with tsx) or the built snapshot-worker.js. */
  workerFile?: string;
}

/** Beside this file when run from source (tests, the browser host); the Electron shell passes the built one. */
export const defaultSnapshotWorkerFile = fileURLToPath(new URL('./snapshot-worker.ts', import.meta.url));

/**
 * Bytes read from the hub but not yet written to the replica. The writer is the slower side; past
 * this the reader waits, so a 100 MB snapshot never sits in memory whole.
 */
const MAX_UNWRITTEN_BYTES = 16 * 1024 * 1024;

/**
 * The snapshot's lines, prepared for the replica (snapshot-rows.ts) in a worker thread while the
 * caller writes the lines before them: parsing and validating 300,000 rows no longer waits for
 * the writes, nor the writes for them. A refused line throws HubError('malformed'); the stream's
 * own errors (a cut link) are thrown as the body throws them.
 */
export async function* readSnapshot(body: AsyncIterable<Uint8Array>, options: SnapshotReaderOptions): AsyncGenerator<PreparedLine> {
  const worker = startWorker(options.workerFile ?? defaultSnapshotWorkerFile, { workerData: { baseUrl: options.baseUrl } });
  const inbox = new Inbox<WorkerMessage>();
  worker.on('message', (message: WorkerMessage) => inbox.put(message));
  worker.on('error', (error) => inbox.fail(error));
  worker.on('exit', (code) => inbox.fail(new Error(`The snapshot reader's worker stopped (exit code ${code}).`)));
  const feed = new Feed(body, (request, transfer) => worker.postMessage(request, transfer), (error) => inbox.fail(error));
  try {
    for (;;) {
      const message = await inbox.take();
      if (message.kind === 'consumed') feed.written(message.bytes);
      else if (message.kind === 'finished') return;
      else if (message.kind === 'malformed') throw new HubError('malformed', message.message);
      else if (message.kind === 'failed') throw new Error(`Reading the hub's snapshot failed: ${message.message}`);
      else yield message;
    }
  } finally {
    feed.stop();
    await worker.terminate();
  }
}

/** Reads the body into the worker, at most MAX_UNWRITTEN_BYTES ahead of the writer. */
class Feed {
  private unwritten = 0;
  private stopped = false;
  private wake: (() => void) | undefined;
  private readonly pieces: AsyncIterator<Uint8Array>;

  constructor(
    body: AsyncIterable<Uint8Array>,
    private readonly post: (request: ReaderRequest, transfer: ArrayBuffer[]) => void,
    onError: (error: unknown) => void,
  ) {
    this.pieces = body[Symbol.asyncIterator]();
    this.run().catch((error: unknown) => {
      if (!this.stopped) onError(error);
    });
  }

  /** The worker's lines up to `bytes` more of the stream have been taken by the writer. */
  written(bytes: number): void {
    this.unwritten -= bytes;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
    // Ends the body's reading (and the connection) when the download stopped before its end.
    void this.pieces.return?.().catch(() => undefined);
  }

  private async run(): Promise<void> {
    for (let next = await this.pieces.next(); !next.done && !this.stopped; next = await this.pieces.next()) {
      // A copy with a buffer of its own: the body's pieces may share one, and a handed-over buffer is gone.
      const piece = next.value.slice();
      this.unwritten += piece.byteLength;
      this.post({ kind: 'piece', piece }, [piece.buffer as ArrayBuffer]);
      while (this.unwritten > MAX_UNWRITTEN_BYTES && !this.stopped) await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (!this.stopped) this.post({ kind: 'done' }, []);
  }
}

/** Messages in arrival order, taken one at a time; a failure is thrown by the next take. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private failure: { error: unknown } | undefined;
  private waiting: (() => void) | undefined;

  put(message: T): void {
    this.queue.push(message);
    this.waiting?.();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.waiting?.();
  }

  async take(): Promise<T> {
    for (;;) {
      if (this.queue.length > 0) return this.queue.shift()!;
      if (this.failure) throw this.failure.error;
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
  }
}
