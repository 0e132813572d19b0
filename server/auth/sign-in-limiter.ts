/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one e-mail from one address
 * within `windowMs`, further attempts are turned away until the oldest failure ages out.
 * In memory: a restart forgets, which is acceptable for a single hub process.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 5 * 60 * 1000,
  ) {}

  /** Milliseconds until another attempt is allowed (0: allowed now). */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    return (recent[0] ?? now) + this.windowMs - now;
  }

  recordFailure(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}
