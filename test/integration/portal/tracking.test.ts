import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, technicianRoutes, portalPath, MIN_PING_INTERVAL_MS, type TrackingResponse, type TechnicianBookingsResponse } from '../../../shared/contract/portal-http';
import { storeArgs } from '../../support/hub-test-engine';
import { runHubCommand } from '../support/hub-process';
import { startPortalHub, type PortalHub } from './support/portal-hub';
import type { PortalClient } from './support/portal-client';
import { invitedCustomer } from './support/invited-customer';
import { SmtpSink } from './support/smtp-sink';

let smtp: SmtpSink;
let hub: PortalHub;
let alice: PortalClient;
let benToken: string;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp });
  alice = await invitedCustomer(hub, smtp, 'ct-a', 'alice@alpha.example');
  // As an administrator would: the documented command, against the hub's own store.
  const line = runHubCommand(['technician-token', '--resource', 'r-ben', ...storeArgs(hub.dataDir)]).trim();
  benToken = (JSON.parse(line) as { token: string }).token;
});
afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

async function technician<T = unknown>(path: string, body?: unknown, token = benToken): Promise<{ status: number; body: T }> {
  const response = await fetch(`${hub.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('technician API and live tracking', () => {
  it('refuses requests without a valid token, and a token replaced by a newer one', async () => {
    expect((await technician(technicianRoutes.bookings, undefined, 'ddt_not-a-real-token-at-all-xxxxxxxx')).status).toBe(401);
    const old = JSON.parse(runHubCommand(['technician-token', '--resource', 'r-ann', ...storeArgs(hub.dataDir)]).trim()) as { token: string };
    const fresh = JSON.parse(runHubCommand(['technician-token', '--resource', 'r-ann', ...storeArgs(hub.dataDir)]).trim()) as { token: string };
    expect((await technician(technicianRoutes.bookings, undefined, old.token)).status).toBe(401);
    expect((await technician<TechnicianBookingsResponse>(technicianRoutes.bookings, undefined, fresh.token)).body.resourceId).toBe('r-ann');
  });

  it("lists the technician's own bookings only, and changes only those", async () => {
    const mine = await technician<TechnicianBookingsResponse>(technicianRoutes.bookings);
    expect(mine.body.bookings.map((b) => b.bookingId)).toContain('bk-traveling');
    expect(mine.body.bookings.every((b) => b.bookingId !== 'bk-near')).toBe(true);
    const annsVisit = await technician(portalPath(technicianRoutes.status, { bookingId: 'bk-near' }), { status: 'traveling' });
    expect(annsVisit.status).toBe(404);
  });

  it('validates pings: coordinates, timestamps not in the future, one every few seconds', async () => {
    const now = Date.now();
    expect((await technician(technicianRoutes.location, { lat: 91, lng: 0, at: now })).status).toBe(400);
    expect((await technician(technicianRoutes.location, { lat: 40.8, lng: -73.99, at: now + 10 * 60_000 })).status).toBe(400);
    expect((await technician(technicianRoutes.location, { lat: 40.8, lng: -73.99, at: now - 60_000, extra: 1 })).status).toBe(400);
    expect((await technician(technicianRoutes.location, { lat: 40.8, lng: -73.99, at: now - 60_000 })).status).toBe(202);
    const tooSoon = await technician(technicianRoutes.location, { lat: 40.79, lng: -73.99, at: now });
    expect(tooSoon.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, MIN_PING_INTERVAL_MS));
    expect((await technician(technicianRoutes.location, { lat: 40.8, lng: -73.99, at: Date.now() - 1_000 })).status).toBe(202);
  });

  it('shows the customer the technician, the last position and an arrival estimate while Traveling, and stops at In Progress', async () => {
    const live = await alice.get<TrackingResponse>(portalRoutes.tracking, { bookingId: 'bk-traveling' });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'traveling', tracking: true, technician: { name: 'Ben Brooks', phone: '+1 212 555 0100' }, site: { address: '1 Alpha Street, New York' }, position: { lat: 40.8, lng: -73.99 } });
    // 40.80 → 40.75 is about 5.6 km, 7.2 km by road at 50 km/h: some 9 minutes after the position was taken.
    const eta = live.body.arrivalEstimate!;
    expect(eta - live.body.position!.at).toBeGreaterThan(7 * 60_000);
    expect(eta - live.body.position!.at).toBeLessThan(11 * 60_000);

    const arrived = await technician<{ status: string }>(portalPath(technicianRoutes.status, { bookingId: 'bk-traveling' }), { status: 'in_progress' });
    expect([arrived.status, arrived.body.status]).toEqual([200, 'in_progress']);
    const stopped = await alice.get<TrackingResponse>(portalRoutes.tracking, { bookingId: 'bk-traveling' });
    expect(stopped.body).toMatchObject({ status: 'in_progress', tracking: false, position: null, arrivalEstimate: null });
    expect((await hub.store.read((tx) => tx.get('workOrder', 'wo-1')))?.status).toBe('in_progress');
  });

  it('moves status only through the state machine', async () => {
    const back = await technician<{ error: { code: string; message: string } }>(portalPath(technicianRoutes.status, { bookingId: 'bk-traveling' }), { status: 'traveling' });
    expect([back.status, back.body.error.code]).toEqual([409, 'state']);
    expect(back.body.error.message).toMatch(/cannot become Traveling/);
    const stale = await technician<{ error: { code: string } }>(portalPath(technicianRoutes.status, { bookingId: 'bk-traveling' }), { status: 'completed', expectedVersion: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    const done = await technician(portalPath(technicianRoutes.status, { bookingId: 'bk-traveling' }), { status: 'completed' });
    expect(done.status).toBe(200);
  });
});

/** A 1 × 1 PNG: what a technician's app would upload, only smaller. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function putPhoto(body: Buffer | string, contentType: string, token = benToken): Promise<{ status: number; error?: { code: string; message: string } }> {
  const response = await fetch(`${hub.url}${technicianRoutes.photo}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
  const text = await response.text();
  return { status: response.status, ...(text ? (JSON.parse(text) as { error: { code: string; message: string } }) : {}) };
}

describe("the technician's photo on the tracking page", () => {
  it('is set from the technician app, shown to the customer of the visit, and refused when it is not an image or too large', async () => {
    expect((await alice.get<TrackingResponse>(portalRoutes.tracking, { bookingId: 'bk-traveling' })).body.technician.photoUrl).toBeNull();
    const notImage = await putPhoto(Buffer.from('GIF89a not what it says'), 'image/png');
    expect([notImage.status, notImage.error?.code]).toEqual([400, 'invalid_photo']);
    const tooLarge = await putPhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(600 * 1024)]), 'image/jpeg');
    expect([tooLarge.status, tooLarge.error?.message]).toEqual([413, expect.stringMatching(/at most 512 KB/)]);
    const json = await putPhoto(JSON.stringify({ photo: 'x' }), 'application/json');
    expect([json.status, json.error?.code]).toEqual([415, 'unsupported_media_type']);
    expect((await putPhoto(PNG, 'image/png', 'ddt_not-a-real-token-at-all-xxxxxxxx')).status).toBe(401);
    expect((await putPhoto(PNG, 'image/jpeg')).status).toBe(204); // the bytes decide the type, not the header

    const url = (await alice.get<TrackingResponse>(portalRoutes.tracking, { bookingId: 'bk-traveling' })).body.technician.photoUrl!;
    expect(url).toMatch(/technician-photo\?v=/);
    const photo = await alice.raw(url);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await alice.raw(url, { 'if-none-match': photo.headers.get('etag')! })).status).toBe(304);
    // Without the customer's session: nothing.
    expect((await fetch(`${hub.url}${url}`)).status).toBe(401);
  });

  it('is set and removed by an administrator with the documented command', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-photo-'));
    const file = path.join(dir, 'ann.png');
    writeFileSync(file, PNG);
    const set = JSON.parse(runHubCommand(['technician-photo', '--resource', 'r-ann', '--file', file, ...storeArgs(hub.dataDir)]).trim()) as { photo: string; type: string };
    expect(set).toMatchObject({ photo: 'set', type: 'image/png' });
    const ann = () => alice.get<TrackingResponse>(portalRoutes.tracking, { bookingId: 'bk-completed' });
    expect((await ann()).body.technician.photoUrl).not.toBeNull();
    writeFileSync(file, 'not an image');
    expect(() => runHubCommand(['technician-photo', '--resource', 'r-ann', '--file', file, ...storeArgs(hub.dataDir)])).toThrow(/must be a JPEG, PNG or WebP image/);
    expect(JSON.parse(runHubCommand(['technician-photo', '--resource', 'r-ann', '--remove', ...storeArgs(hub.dataDir)]).trim())).toMatchObject({ photo: 'removed' });
    expect((await ann()).body.technician.photoUrl).toBeNull();
  });
});
