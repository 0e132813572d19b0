import { describe, expect, it } from 'vitest';
import { MemoryAttemptStore } from '../../../server/auth/memory-attempt-store';

const minute = 60_000;

describe('in-memory attempt counts', () => {
  it('count up to the limit within the window, then answer how long until the oldest ages out', async () => {
    const store = new MemoryAttemptStore();
    for (let i = 0; i < 3; i++) expect(await store.take('k', 3, 5 * minute, 1_000 + i * minute)).toEqual({ taken: true });
    expect(await store.take('k', 3, 5 * minute, 1_000 + 3 * minute)).toEqual({ taken: false, retryAfterMs: 2 * minute });
    // The first attempt ages out after five minutes: one more is allowed.
    expect(await store.take('k', 3, 5 * minute, 1_000 + 5 * minute + 1)).toEqual({ taken: true });
    expect((await store.take('k', 3, 5 * minute, 1_000 + 5 * minute + 2)).taken).toBe(false);
  });

  it('give one attempt back, and clear a key', async () => {
    const store = new MemoryAttemptStore();
    await store.take('k', 2, minute, 10);
    await store.take('k', 2, minute, 20);
    await store.giveBack('k', 20);
    expect((await store.take('k', 2, minute, 30)).taken).toBe(true);
    expect((await store.take('k', 2, minute, 40)).taken).toBe(false);
    await store.clear('k');
    expect((await store.take('k', 2, minute, 50)).taken).toBe(true);
  });

  it('stay within their key budget under a flood of distinct keys (a spray from many addresses)', async () => {
    const store = new MemoryAttemptStore(1_000);
    for (let i = 0; i < 200_000; i++) await store.take(`address|10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 30, 15 * minute, 1_000_000 + i);
    expect(store.size).toBeLessThanOrEqual(1_000);
    expect(store.size).toBeGreaterThan(800);
  });

  it('when full, drop keys whose attempts aged out before live ones, then the least recently used', async () => {
    const store = new MemoryAttemptStore(10);
    const start = 1_000_000;
    for (let i = 0; i < 5; i++) await store.take(`old-${i}`, 5, minute, start);
    for (let i = 0; i < 5; i++) await store.take(`live-${i}`, 5, 10 * minute, start);
    // Two minutes on, the old keys have aged out: room is made from them, every live key stays.
    await store.take('newcomer', 5, minute, start + 2 * minute);
    expect(store.size).toBe(6);
    // Each live key still holds its attempt: with a limit of 1 the next one is refused.
    for (let i = 0; i < 5; i++) expect((await store.take(`live-${i}`, 1, 10 * minute, start + 2 * minute)).taken).toBe(false);
  });

  it('when full of live keys, drop the least recently used ones', async () => {
    const store = new MemoryAttemptStore(10);
    for (let i = 0; i < 10; i++) await store.take(`k-${i}`, 5, 10 * minute, 1_000 + i);
    await store.take('k-0', 5, 10 * minute, 2_000); // k-0 is used again, so k-1 is now the oldest
    await store.take('newcomer', 5, 10 * minute, 2_001);
    expect(store.size).toBeLessThanOrEqual(10);
    // k-0 kept its two attempts; k-1 was dropped and starts from zero.
    expect((await store.take('k-0', 2, 10 * minute, 3_000)).taken).toBe(false);
    expect((await store.take('k-1', 1, 10 * minute, 3_000)).taken).toBe(true);
  });
});
