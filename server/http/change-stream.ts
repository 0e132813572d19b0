import type { ServerResponse } from 'node:http';
import type { HubStore } from '../store/hub-store';

const HEARTBEAT_MS = 15_000;

/**
 * The open server-sent event streams. Each gets `event: change` after every commit that changed
 * rows, and a comment heartbeat so proxies and dead peers are noticed. `endAll` lets shutdown
 * finish instead of waiting for clients that never hang up.
 */
export class ChangeStreams {
  private readonly open = new Set<() => void>();

  constructor(private readonly store: HubStore) {}

  attach(response: ServerResponse): void {
    // connection: close, so the socket goes away with the stream instead of idling in a client's
    // keep-alive pool and holding shutdown open.
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'close', 'x-accel-buffering': 'no' });
    response.write(': connected\n\n');
    const unsubscribe = this.store.onChange((latest) => response.write(`event: change\ndata: ${JSON.stringify({ latest })}\n\n`));
    const socket = response.socket;
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(end);
      // Destroy rather than wait: a client that stopped reading may keep the socket half-open.
      if (!response.writableEnded) response.end(() => socket?.destroy());
      else socket?.destroy();
    };
    this.open.add(end);
    response.on('close', end);
  }

  endAll(): void {
    for (const end of [...this.open]) end();
  }
}
