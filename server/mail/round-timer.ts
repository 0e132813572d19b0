/**
 * Runs a background worker's rounds: at once when kicked (and on every change the store reports,
 * here or at another instance: a commit may have left work), every `pollMs` otherwise, never
 * two at a time. A kick during a round runs another one after it,
 * `minGapMs` later, so commits arriving all the time (a busy hub) wake the worker at most that often.
 */
export class RoundTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly timing: { pollMs: number; minGapMs: number },
    /** A round that threw: logged by the worker, tried again at the next poll. */
    private readonly failed: (error: unknown) => void,
    /** The store whose changes wake the worker. */
    changes: { onChange(listener: () => void): () => void },
  ) {
    this.unsubscribe = changes.onChange(() => this.kick());
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.round()
      .catch(this.failed)
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const wait = this.again ? this.timing.minGapMs : this.timing.pollMs;
        this.again = false;
        this.timer = setTimeout(() => this.kick(), wait);
        this.timer.unref();
      });
  }

  /** No more rounds; answers when the running one ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    clearTimeout(this.timer);
    await this.running;
  }
}
