import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseAttemptStore } from '../../../server/auth/database-attempt-store';
import type { HubStore } from '../../../server/store/hub-store';
import { openHubStore } from '../../../server/store/open-hub-store';
import { hubTestEngine, storeLocation } from '../../support/hub-test-engine';

/** Sign-in attempt counts kept in the store's database (what several hub instances share). */
let store: HubStore;
let attempts: DatabaseAttemptStore;
beforeAll(async () => {
  store = await openHubStore(storeLocation(mkdtempSync(path.join(tmpdir(), 'dd-attempts-'))));
  attempts = new DatabaseAttemptStore(store);
});
afterAll(async () => {
  await store?.close();
});

describe(`sign-in attempts in the database (${hubTestEngine()})`, () => {
  it('counts up to the limit within the window, then says how long until the oldest ages out', async () => {
    for (const at of [1_000, 2_000, 3_000]) expect(await attempts.take('a', 3, 10_000, at)).toEqual({ taken: true });
    expect(await attempts.take('a', 3, 10_000, 4_000)).toEqual({ taken: false, retryAfterMs: 7_000 });
    expect(await attempts.take('a', 3, 10_000, 11_500)).toEqual({ taken: true });
  });

  it('forgets one attempt given back, and all of a key on clear, leaving other keys alone', async () => {
    await attempts.take('b', 2, 10_000, 100);
    await attempts.take('b', 2, 10_000, 200);
    await attempts.take('c', 1, 10_000, 100);
    await attempts.giveBack('b', 200);
    expect(await attempts.take('b', 2, 10_000, 300)).toEqual({ taken: true });
    await attempts.clear('b');
    expect(await attempts.take('b', 1, 10_000, 400)).toEqual({ taken: true });
    expect(await attempts.take('c', 1, 10_000, 400)).toMatchObject({ taken: false });
  });

  it('never asks to wait longer than the window when parallel attempts were counted out of order', async () => {
    await attempts.take('d', 2, 1_000, 500);
    await attempts.take('d', 2, 1_000, 600);
    // An attempt that began earlier but reached the database last.
    const late = await attempts.take('d', 2, 1_000, 400);
    expect(late).toMatchObject({ taken: false });
    expect(late.taken === false && late.retryAfterMs).toBeLessThanOrEqual(1_000);
  });
});
