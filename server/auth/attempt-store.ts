/**
 * Where attempt counts live: in memory for a single hub (MemoryAttemptStore), in the shared
 * database once several hub instances serve one company. Every call is atomic per key, which is
 * what makes parallel attempts count: an attempt is taken before the work it guards starts.
 */
export interface AttemptStore {
  /**
   * Counts an attempt at `now` unless `limit` attempts already lie within the last `windowMs`.
   * Answers whether it was counted and, when not, how long until the oldest one ages out.
   */
  take(key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken>;
  /** Forgets the attempt counted at `at` (it succeeded, or was never carried out). */
  giveBack(key: string, at: number): Promise<void>;
  /** Forgets every attempt of `key`. */
  clear(key: string): Promise<void>;
}

export type AttemptTaken = { taken: true } | { taken: false; retryAfterMs: number };
