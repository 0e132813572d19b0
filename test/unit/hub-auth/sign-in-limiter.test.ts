import { describe, expect, it } from 'vitest';
import type { AttemptStore, AttemptTaken } from '../../../server/auth/attempt-store';
import { MemoryAttemptStore } from '../../../server/auth/memory-attempt-store';
import { SignInLimiter } from '../../../server/auth/sign-in-limiter';

const limits = { perAccount: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 5, windowMs: 60_000 } };

/** A store that answers after a delay, as a database would: begin() must still admit no more than the limit. */
class SlowStore implements AttemptStore {
  private readonly inner = new MemoryAttemptStore();
  private later<T>(value: () => Promise<T>): Promise<T> {
    return new Promise((resolve) => setTimeout(() => resolve(value()), Math.random() * 5));
  }
  take(key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken> {
    return this.later(() => this.inner.take(key, limit, windowMs, now));
  }
  giveBack(key: string, at: number): Promise<void> {
    return this.later(() => this.inner.giveBack(key, at));
  }
  clear(key: string): Promise<void> {
    return this.later(() => this.inner.clear(key));
  }
}

describe('sign-in limiter', () => {
  it('admits no more parallel attempts for one account than its limit, before any outcome is known', async () => {
    const limiter = new SignInLimiter(new SlowStore(), limits);
    const admissions = await Promise.all(Array.from({ length: 20 }, () => limiter.begin('Ann@Example.com', '10.0.0.1', 1_000)));
    expect(admissions.filter((a) => a.admitted)).toHaveLength(3);
    expect(admissions.find((a) => !a.admitted)).toMatchObject({ reason: 'account', retryAfterMs: 60_000 });
  });

  it('counts e-mails case-insensitively and per address', async () => {
    const limiter = new SignInLimiter(new MemoryAttemptStore(), limits);
    for (const email of ['ann@example.com', 'ANN@example.com', 'Ann@Example.com']) expect((await limiter.begin(email, '10.0.0.1', 1)).admitted).toBe(true);
    expect(await limiter.begin('ann@EXAMPLE.com', '10.0.0.1', 1)).toMatchObject({ admitted: false, reason: 'account' });
    expect((await limiter.begin('ann@example.com', '10.0.0.2', 1)).admitted).toBe(true);
  });

  it('limits one address across accounts, and an attempt refused for either limit does not use up the other', async () => {
    // The address forgets sooner than the account here, so the account's count can be seen after the address recovers.
    const limiter = new SignInLimiter(new MemoryAttemptStore(), { ...limits, perAddress: { limit: 5, windowMs: 30_000 } });
    for (let i = 0; i < 3; i++) await limiter.begin('ann@example.com', '10.0.0.1', 1);
    for (let i = 0; i < 10; i++) expect(await limiter.begin('ann@example.com', '10.0.0.1', 1)).toMatchObject({ admitted: false, reason: 'account' });
    expect((await limiter.begin('bob@example.com', '10.0.0.1', 1)).admitted).toBe(true);
    expect((await limiter.begin('cy@example.com', '10.0.0.1', 1)).admitted).toBe(true);
    expect(await limiter.begin('dee@example.com', '10.0.0.1', 1)).toMatchObject({ admitted: false, reason: 'address' });
    // dee's refused attempt did not count for dee: all three of the account's attempts are there once the address recovers.
    for (let i = 0; i < 3; i++) expect((await limiter.begin('dee@example.com', '10.0.0.1', 40_000)).admitted).toBe(true);
    expect(await limiter.begin('dee@example.com', '10.0.0.1', 40_000)).toMatchObject({ admitted: false, reason: 'account' });
  });

  it('tells a parallel spray over many accounts that its address is limited', async () => {
    const limiter = new SignInLimiter(new SlowStore(), limits);
    const admissions = await Promise.all(Array.from({ length: 20 }, (_, i) => limiter.begin(`user-${i}@example.com`, '10.0.0.1', 1_000)));
    expect(admissions.filter((a) => a.admitted)).toHaveLength(5);
    expect(admissions.filter((a) => !a.admitted).every((a) => !a.admitted && a.reason === 'address')).toBe(true);
  });

  it('gives a successful sign-in back: the account starts afresh and the address keeps its budget', async () => {
    const limiter = new SignInLimiter(new MemoryAttemptStore(), limits);
    for (let round = 0; round < 10; round++) {
      const admission = await limiter.begin('ann@example.com', '10.0.0.1', 1 + round);
      if (!admission.admitted) throw new Error(`round ${round} was turned away`);
      await limiter.succeeded(admission.ticket);
    }
  });
});
