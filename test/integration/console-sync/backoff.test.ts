import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../electron/main/sync/connectivity';

describe('reconnect backoff', () => {
  it('doubles from 1 s and stays at 60 s while the hub is unreachable', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((failures) => backoffDelay(failures))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});
