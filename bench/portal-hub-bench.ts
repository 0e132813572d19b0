/**
 * Portal benchmark, hub side (npx tsx bench/portal-hub-bench.ts, or `npm run bench -- portal`):
 * "free times for a day" through the real HTTP route of a hub on 127.0.0.1 (SQLite store) with
 * 200 technicians and 20,000 active bookings — four one-hour visits a day for each technician
 * over the next 25 days, the densest near-term load the portal asks about — p95 over 200
 * requests for random accounts, services and days. Target: p95 ≤ 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { hashPassword } from '../server/auth/password-hash';
import { buildHubApp } from '../server/http/build-hub-app';
import { defaultMailOptions } from '../server/mail/mail-options';
import { portalServices } from '../server/portal/portal-services';
import { insertProfile } from '../server/store/portal/portal-profile-queries';
import { SqliteHubStore } from '../server/store/sqlite-hub-store';
import { csrfHeader, portalRoutes, type BookingOptionsResponse, type FreeTimesResponse } from '../shared/contract/portal-http';
import { DEMO_SEED, buildDemoDataset, type DemoDataset } from '../shared/demo/seed-builder';
import type { Booking, WorkOrder } from '../shared/domain/entities';
import { PORTAL_ROLE } from '../shared/domain/entities';
import { newBooking } from '../shared/domain/new-booking';
import { PORTAL_SETTINGS_ID } from '../shared/domain/portal-settings';
import { seededRandom } from '../shared/random/seeded-random';

const TECHNICIANS = 200;
const DAYS = 25;
const VISITS = ['08:00', '10:00', '13:00', '15:00'];
const REQUESTS = 200;
const TARGET_MS = 50;
const PASSWORD = 'bench customer password';

function dataset(now: number): DemoDataset {
  const demo = buildDemoDataset({ seed: DEMO_SEED, now, technicians: TECHNICIANS });
  const random = seededRandom(DEMO_SEED + 7);
  const workOrders: WorkOrder[] = [];
  const bookings: Booking[] = [];
  for (const resource of demo.resources) {
    const accounts = demo.accounts.filter((a) => resource.territoryIds.includes(a.territoryId));
    const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(resource.timeZone).toPlainDate();
    for (let d = 1; d <= DAYS; d++) {
      const date = today.add({ days: d });
      for (const time of VISITS) {
        const account = accounts[random.int(0, accounts.length - 1)]!;
        const id = `bench-${workOrders.length + 1}`;
        const start = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(resource.timeZone).epochMilliseconds;
        workOrders.push({ id, number: `WO-${String(workOrders.length + 1).padStart(6, '0')}`, accountId: account.id, assetId: null, incidentTypeId: demo.incidentTypes[0]!.id, primaryContactId: null, priority: 'normal', workOrderType: null, summary: 'bench', customerComments: '', source: 'console', promisedWindowStart: null, promisedWindowEnd: null, status: 'scheduled', version: 1 });
        bookings.push(newBooking({ id: `bk-${id}`, workOrderId: id, resourceId: resource.id, start, end: start + 3_600_000, travelMinutes: 10, version: 1 }));
      }
    }
  }
  return { ...demo, contacts: demo.contacts.map((c) => ({ ...c, webRoles: [PORTAL_ROLE] })), workOrders, bookings, portalRequests: [] };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function main(): Promise<void> {
  const now = Date.now();
  const folder = mkdtempSync(path.join(tmpdir(), 'dd-portal-bench-'));
  const store = SqliteHubStore.open(folder);
  const data = dataset(now);
  const customers = data.contacts.slice(0, 20);
  const passwordHash = await hashPassword(PASSWORD);
  await store.transaction(async (tx) => {
    await tx.insertDataset(data);
    await tx.put('portalSettings', { id: PORTAL_SETTINGS_ID, settings: { minLeadDays: 0, maxLeadDays: DAYS + 5, minNoticeHours: 2, bookableIncidentTypeIds: data.incidentTypes.filter((t) => t.portalBookable).map((t) => t.id), slots: { granularityMinutes: 30 }, surveyEnabled: true }, version: 0 });
    for (const c of customers) await insertProfile(tx.sql, { contactId: c.id, emailKey: c.email.toLowerCase(), passwordHash, language: 'en', createdAt: now });
  });
  const services = portalServices(store, { config: { publicUrl: 'http://127.0.0.1/portal' }, mail: defaultMailOptions }, { info: () => undefined, warn: () => undefined });
  const app = buildHubApp(store, { version: 'bench', portal: services.deps, mutationEffects: services.effects });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  console.log(`hub: ${TECHNICIANS} technicians, ${data.bookings.length} active bookings (${VISITS.length} a day each over ${DAYS} days), ${data.accounts.length} accounts; load average ${loadavg()[0]!.toFixed(2)}`);

  const random = seededRandom(DEMO_SEED + 11);
  const times: number[] = [];
  let offered = 0;
  for (const customer of customers) {
    const csrf = await fetch(`${base}${portalRoutes.csrfToken}`);
    const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
    const { token } = (await csrf.json()) as { token: string };
    const signIn = await fetch(`${base}${portalRoutes.signIn}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies.join('; '), [csrfHeader]: token }, body: JSON.stringify({ email: customer.email, password: PASSWORD }) });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${await signIn.text()}`);
    const cookie = [...cookies, ...signIn.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
    const options = (await (await fetch(`${base}${portalRoutes.bookingOptions}`, { headers: { cookie } })).json()) as BookingOptionsResponse;
    const assetId = options.assets[0]?.id;
    if (!assetId) continue;
    for (let i = 0; i < REQUESTS / customers.length; i++) {
      const type = options.incidentTypes[random.int(0, options.incidentTypes.length - 1)]!;
      const date = Temporal.PlainDate.from(options.firstDate).add({ days: random.int(1, DAYS) }).toString();
      const query = new URLSearchParams({ assetId, incidentTypeId: type.id, date });
      const started = performance.now();
      const response = await fetch(`${base}${portalRoutes.freeTimes}?${query}`, { headers: { cookie } });
      const body = (await response.json()) as FreeTimesResponse;
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`free times failed: ${JSON.stringify(body)}`);
      offered += body.times.length;
    }
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `free times for a day over HTTP: median ${percentile(times, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms  (${times.length} requests, ${(offered / times.length).toFixed(1)} times offered on average)  target p95 ≤ ${TARGET_MS} ms ${p95 <= TARGET_MS ? 'PASS' : 'MISS'}`,
  );
  await app.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}

await main();
