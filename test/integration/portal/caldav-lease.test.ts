import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimCaldavTarget, releaseCaldavTarget, renewCaldavClaim, saveCaldavTarget } from '../../../server/store/notifications/caldav-target-queries';
import type { HubStore } from '../../../server/store/hub-store';
import { openHubStore } from '../../../server/store/open-hub-store';
import { storeLocation } from '../../support/hub-test-engine';
import { newHubDataDir } from '../support/hub-process';
import { portalCompany } from './support/portal-company';

/**
 * The lease that keeps two pushers (two hub instances on one PostgreSQL database, or two
 * workers of one hub) from pushing the same technician's calendar at once.
 */
let store: HubStore;
const URL = 'http://127.0.0.1:9/alex/work/';

beforeAll(async () => {
  store = await openHubStore(storeLocation(newHubDataDir()));
  await store.transaction(async (tx) => {
    await tx.insertDataset(portalCompany(Date.now()));
    await saveCaldavTarget(tx.sql, { resourceId: 'r-ann', url: URL, username: 'alex', password: 'pw', enabled: true }, Date.now());
  });
});

afterAll(async () => {
  await store?.close();
});

const claim = (token: string, now: number) => store.transaction((tx) => claimCaldavTarget(tx.sql, { resourceId: 'r-ann', token, now, leaseMs: 60_000 }));
const dirtyCount = () => store.read(async (tx) => Number((await tx.sql.all<{ dirty: number }>('SELECT dirty FROM caldav_targets'))[0]!.dirty));
const renew = (token: string, now: number) => store.transaction((tx) => renewCaldavClaim(tx.sql, { resourceId: 'r-ann', url: URL, token, now, leaseMs: 60_000 }, false));

describe('CalDAV push lease', () => {
  it('gives a technician to one of two claimants at once, and to another only after release or expiry', async () => {
    const now = Date.now();
    const both = await Promise.all([claim('a', now), claim('b', now)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const holder = both[0] ? 'a' : 'b';
    const other = holder === 'a' ? 'b' : 'a';
    expect(await claim(other, now + 1_000)).toBeUndefined();
    expect(await renew(other, now + 1_000)).toBe(false);
    expect(await renew(holder, now + 1_000)).toBe(true);

    // The holder died: its lease runs out and another takes over; the late holder can no longer record.
    expect(await claim(other, now + 62_000)).toBeDefined();
    expect(await renew(holder, now + 62_000)).toBe(false);
    await store.transaction((tx) => releaseCaldavTarget(tx.sql, { resourceId: 'r-ann', token: other, dirtySeen: 1, reconciledAt: now }));
    expect(await claim(holder, now + 63_000)).toBeDefined();
  });

  it('keeps a technician dirty when a commit marked it during the push or the push was cut short', async () => {
    const now = Date.now() + 200_000;
    const target = (await claim('c', now))!;
    await store.transaction(async (tx) => tx.sql.run('UPDATE caldav_targets SET dirty = dirty + 1'));
    await store.transaction((tx) => releaseCaldavTarget(tx.sql, { resourceId: 'r-ann', token: 'c', dirtySeen: target.dirty, reconciledAt: null }));
    expect(await dirtyCount()).toBeGreaterThan(0);
    // A push that finished with no commit in between leaves it clean; one cut short leaves it dirty.
    const again = (await claim('c', now + 1))!;
    await store.transaction((tx) => releaseCaldavTarget(tx.sql, { resourceId: 'r-ann', token: 'c', dirtySeen: null, reconciledAt: null }));
    expect(await dirtyCount()).toBe(again.dirty);
    await claim('c', now + 2);
    await store.transaction((tx) => releaseCaldavTarget(tx.sql, { resourceId: 'r-ann', token: 'c', dirtySeen: again.dirty, reconciledAt: now }));
    expect(await dirtyCount()).toBe(0);
  });
});
