import type { ServerResponse } from 'node:http';
import type { HubStore } from '../store/hub-store';

export const DEFAULT_HEARTBEAT_MS = 15_000;
/** setTimeout's longest delay; a session further off than that is caught by a heartbeat instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The session a stream was opened with: the stream must not outlive it. */
export interface StreamSession {
  tokenHash: string;
  expiresAt: number;
}

interface OpenStream {
  tokenHash: string;
  end(): void;
}

/**
 * The open server-sent event streams. Each gets `event: change` after every commit that changed
 * rows, and a comment heartbeat so proxies and dead peers are noticed. A stream ends with its
 * session: at sign-out, when the session expires, and at the first heartbeat after the session
 * disappeared some other way. `endAll` lets shutdown finish instead of waiting for clients that
 * never hang up.
 */
export class ChangeStreams {
  private readonly open = new Set<OpenStream>();

  constructor(
    private readonly store: HubStore,
    private readonly heartbeatMs = DEFAULT_HEARTBEAT_MS,
  ) {}

  attach(response: ServerResponse, session: StreamSession): void {
    // connection: close, so the socket goes away with the stream instead of idling in a client's
    // keep-alive pool and holding shutdown open.
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'close', 'x-accel-buffering': 'no' });
    response.write(': connected\n\n');
    const unsubscribe = this.store.onChange((latest) => response.write(`event: change\ndata: ${JSON.stringify({ latest })}\n\n`));
    const socket = response.socket;
    const heartbeat = setInterval(() => void this.beat(stream, response), this.heartbeatMs);
    const expiry = setTimeout(() => stream.end(), Math.min(Math.max(0, session.expiresAt - Date.now()), MAX_TIMER_MS));
    const stream: OpenStream = {
      tokenHash: session.tokenHash,
      end: () => {
        clearInterval(heartbeat);
        clearTimeout(expiry);
        unsubscribe();
        this.open.delete(stream);
        // Destroy rather than wait: a client that stopped reading may keep the socket half-open.
        if (!response.writableEnded) response.end(() => socket?.destroy());
        else socket?.destroy();
      },
    };
    this.open.add(stream);
    response.on('close', stream.end);
  }

  /** Ends every stream opened with this session (it was signed out). */
  endSession(tokenHash: string): void {
    for (const stream of [...this.open]) if (stream.tokenHash === tokenHash) stream.end();
  }

  endAll(): void {
    for (const stream of [...this.open]) stream.end();
  }

  /** Heartbeat, after checking the session still exists (another hub instance may have signed it out). */
  private async beat(stream: OpenStream, response: ServerResponse): Promise<void> {
    const session = await this.store.read((tx) => tx.findSession(stream.tokenHash, Date.now())).catch(() => undefined);
    if (!this.open.has(stream)) return;
    if (session) response.write(': heartbeat\n\n');
    else stream.end();
  }
}
