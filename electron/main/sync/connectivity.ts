/**
 * When to sync: at once when started or nudged (a local write, an SSE 'change' event), on a
 * timer while online, and with exponential backoff (1 s → 60 s) while the hub is unreachable.
 * Keeps one server-sent event stream open while online and reopens it when it drops.
 */
export interface ConnectivityOptions {
  /** One sync cycle (push then pull); throws when the hub could not be reached. */
  sync: () => Promise<void>;
  /** Opens the event stream; resolves or rejects when it closes. */
  openEvents: (signal: AbortSignal, onChange: () => void, onOpen: () => void) => Promise<void>;
  /** Whether a failure means "try again later" (true) or "stop until signed in again" (false). */
  retryable: (error: unknown) => boolean;
  onOnline: () => void;
  onOffline: (error: unknown) => void;
  onStopped: (error: unknown) => void;
  pollIntervalMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

export function backoffDelay(failures: number, minMs = 1000, maxMs = 60_000): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, failures - 1));
}

export class Connectivity {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private cycle: Promise<void> | undefined;
  private again = false;
  private events: AbortController | undefined;

  constructor(private readonly options: ConnectivityOptions) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.nudge();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.events?.abort();
    this.events = undefined;
  }

  /** Sync as soon as possible (coalesced with a cycle already running). */
  nudge(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.cycle) {
      this.again = true;
      return;
    }
    this.cycle = this.runCycle().finally(() => {
      this.cycle = undefined;
      if (this.again && this.running) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Waits for the cycle in flight, if any. */
  async settle(): Promise<void> {
    while (this.cycle) await this.cycle;
  }

  private async runCycle(): Promise<void> {
    try {
      await this.options.sync();
      this.failures = 0;
      if (!this.running) return;
      this.options.onOnline();
      this.ensureEvents();
      this.schedule(this.options.pollIntervalMs ?? 30_000);
    } catch (error) {
      if (!this.running) return;
      if (!this.options.retryable(error)) {
        this.stop();
        this.options.onStopped(error);
        return;
      }
      this.failures += 1;
      this.again = false;
      this.options.onOffline(error);
      this.schedule(backoffDelay(this.failures, this.options.backoffMinMs, this.options.backoffMaxMs));
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.nudge(), delayMs);
    this.timer.unref();
  }

  private ensureEvents(): void {
    if (this.events || !this.running) return;
    const controller = new AbortController();
    this.events = controller;
    const closed = () => {
      if (this.events !== controller) return;
      this.events = undefined;
      // The stream dropped: sync soon (the cycle reopens the stream when the hub answers).
      if (this.running) this.schedule(backoffDelay(Math.max(1, this.failures), this.options.backoffMinMs, this.options.backoffMaxMs));
    };
    // Once open, one more sync: a change made between the last sync and the stream's opening sent no event.
    const opened = () => {
      if (this.events === controller) this.nudge();
    };
    this.options
      .openEvents(controller.signal, () => this.nudge(), opened)
      .then(closed, closed);
  }
}
