import pg from 'pg';

export const CHANGE_CHANNEL = 'dispatch_desk_changes';
const RECONNECT_MS = 1_000;

/**
 * One LISTEN connection per hub instance: every commit that changed rows, on any instance,
 * NOTIFYs its newest change number, and this tells the instance's listeners (its consoles'
 * event streams). When the connection drops it reconnects and tells listeners the newest
 * change once, so a console that missed a notice in between still pulls.
 */
export class ChangeListener {
  private readonly listeners = new Set<(latest: number) => void>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly latest: () => Promise<number>,
  ) {}

  add(listener: (latest: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const latest = Number(message.payload);
      if (message.channel === CHANGE_CHANNEL && Number.isSafeInteger(latest)) this.tell(latest);
    });
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.client = client;
  }

  private tell(latest: number): void {
    for (const listener of this.listeners) listener(latest);
  }

  private reconnectLater(dead: pg.Client): void {
    if (this.stopped || this.client !== dead) return;
    this.client = undefined;
    dead.end().catch(() => undefined);
    this.retry = setTimeout(() => void this.reconnect(), RECONNECT_MS);
    this.retry.unref();
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.start();
      this.tell(await this.latest());
    } catch {
      this.retry = setTimeout(() => void this.reconnect(), RECONNECT_MS);
      this.retry.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.listeners.clear();
    await this.client?.end().catch(() => undefined);
  }
}
