import type { AttemptStore, AttemptTaken } from './attempt-store';

interface Attempts {
  windowMs: number;
  /** Times of the counted attempts, oldest first; never more than the limit. */
  times: number[];
}

/**
 * Attempt counts in this process, bounded: at most `maxKeys` keys, each holding at most its limit
 * of timestamps. When full, keys whose attempts have all aged out go first, then the keys least
 * recently used (a Map keeps insertion order; a key is re-inserted on every use).
 */
export class MemoryAttemptStore implements AttemptStore {
  private readonly entries = new Map<string, Attempts>();

  constructor(private readonly maxKeys = 100_000) {}

  get size(): number {
    return this.entries.size;
  }

  async take(key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken> {
    const times = this.recent(key, now);
    if (times.length >= limit) {
      this.remember(key, { windowMs, times }, now);
      return { taken: false, retryAfterMs: Math.max(1, (times[times.length - limit] ?? now) + windowMs - now) };
    }
    this.remember(key, { windowMs, times: [...times, now] }, now);
    return { taken: true };
  }

  async giveBack(key: string, at: number): Promise<void> {
    const entry = this.entries.get(key);
    const index = entry ? entry.times.lastIndexOf(at) : -1;
    if (!entry || index < 0) return;
    entry.times.splice(index, 1);
    if (entry.times.length === 0) this.entries.delete(key);
  }

  async clear(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const entry = this.entries.get(key);
    return entry ? entry.times.filter((at) => at > now - entry.windowMs) : [];
  }

  private remember(key: string, attempts: Attempts, now: number): void {
    this.entries.delete(key);
    if (attempts.times.length === 0) return;
    if (this.entries.size >= this.maxKeys) this.makeRoom(now);
    this.entries.set(key, attempts);
  }

  /** Drops aged-out keys, then the least recently used, down to 90 % so this runs once per many inserts. */
  private makeRoom(now: number): void {
    for (const [key, { windowMs, times }] of this.entries) {
      if ((times.at(-1) ?? 0) <= now - windowMs) this.entries.delete(key);
    }
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= target) break;
      this.entries.delete(key);
    }
  }
}
