import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { hubRoutes, type PullResponse, type PushResponse, type SignInResponse } from '../../../../shared/contract/hub-http';
import type { RowChange } from '../../../../shared/sync/synced-entities';
import { PORTAL_SETTINGS_ID, type PortalSettings } from '../../../../shared/domain/portal-settings';
import { buildHubApp } from '../../../../server/http/build-hub-app';
import { defaultDeliveryTiming, defaultMailOptions, type DeliveryTiming } from '../../../../server/mail/mail-options';
import type { PortalLimits } from '../../../../server/portal/portal-config';
import type { OidcSettings } from '../../../../server/portal/oidc-settings';
import { portalServices, type PortalServices } from '../../../../server/portal/portal-services';
import type { HubStore } from '../../../../server/store/hub-store';
import { openHubStore } from '../../../../server/store/open-hub-store';
import { createUser } from '../../../../server/users/create-user';
import { storeLocation } from '../../../support/hub-test-engine';
import { newHubDataDir } from '../../support/hub-process';
import { portalCompany, portalTestSettings } from './portal-company';
import type { SmtpSink } from './smtp-sink';
import { defaultNotificationConfig, type NotificationConfig } from '../../../../server/notifications/notification-config';
import { notificationServices, type NotificationServices } from '../../../../server/notifications/notification-services';
import { calendarSequenceHook } from '../../../../server/calendar/calendar-sequence-hook';
import { caldavDirtyHook } from '../../../../server/calendar/caldav-dirty-hook';
import { CaldavPusher, type CaldavTiming } from '../../../../server/calendar/caldav-pusher';

export const BACK_OFFICE = { email: 'bo@acme.example', password: 'back-office-password' };

/** Quick retries so tests see SMTP outages end within seconds. */
export const testTiming: DeliveryTiming = { ...defaultDeliveryTiming, pollMs: 200, backoffBaseMs: 200, backoffMaxMs: 1_000, leaseMs: 30_000, smtpTimeoutMs: 5_000 };

export interface PortalHub {
  url: string;
  store: HubStore;
  app: FastifyInstance;
  services: PortalServices;
  notifications: NotificationServices;
  /** Present when started with `caldav`. */
  caldav: CaldavPusher | undefined;
  dataDir: string;
  /** Closes the app, lets e-mail delivery finish what it holds, closes the store (the data stays). */
  stop(): Promise<void>;
  /** stop() and remove the data. */
  destroy(): Promise<void>;
}

export interface PortalHubOptions {
  smtp: SmtpSink;
  dataDir?: string;
  /** Fill a new store with portalCompany, portal settings and a back-office user. */
  seed?: boolean;
  settings?: PortalSettings;
  limits?: PortalLimits;
  timing?: DeliveryTiming;
  notifications?: NotificationConfig;
  /** How often due reminders are looked for (default: 200 ms). */
  reminderPollMs?: number;
  /** Runs CalDAV push (its commit hook and pusher) with these timings. */
  caldav?: CaldavTiming;
  /** External sign-in at this issuer (off by default). */
  oidc?: OidcSettings;
}

/**
 * A hub in this process on 127.0.0.1 (port 0) over a real store of the test project's engine
 * (SQLite file or PostgreSQL database), with the portal and e-mail delivery to `smtp`.
 */
export async function startPortalHub(options: PortalHubOptions): Promise<PortalHub> {
  const dataDir = options.dataDir ?? newHubDataDir();
  const store = await openHubStore(storeLocation(dataDir));
  if (options.seed ?? true) await seed(store, options.settings ?? portalTestSettings);
  const silent = { info: () => undefined, warn: () => undefined };
  const services = portalServices(
    store,
    { config: { publicUrl: '', oidc: options.oidc ?? null, ...(options.limits ? { limits: options.limits } : {}) }, mail: { ...defaultMailOptions, host: '127.0.0.1', port: options.smtp.port, from: 'Acme Service <service@acme.example>', company: 'Acme Heating' }, timing: options.timing ?? testTiming },
    silent,
  );
  let url = '';
  const removeCalendarHook = store.addCommitHook(calendarSequenceHook());
  const notifications = notificationServices(
    store,
    { config: options.notifications ?? defaultNotificationConfig, portal: services.config, reminderPollMs: options.reminderPollMs ?? 200, mailQueued: () => services.delivery?.kick() },
    silent,
  );
  const removeCaldavHook = options.caldav ? store.addCommitHook(caldavDirtyHook()) : () => undefined;
  const caldav = options.caldav ? new CaldavPusher(store, silent, options.caldav) : undefined;
  const app = buildHubApp(store, { version: 'test', portal: services.deps, mutationEffects: services.effects, publicUrl: () => url, ...(caldav ? { caldav } : {}), ...(process.env.HUB_TEST_LOG ? { logger: { level: 'error' } } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  services.config.publicUrl = `${url}/portal`;
  services.delivery?.start();
  notifications.reminders.start();
  caldav?.start();
  const stop = async () => {
    await app.close();
    await notifications.stop();
    await caldav?.stop();
    removeCaldavHook();
    removeCalendarHook();
    await services.delivery?.stop();
    await store.close();
  };
  return {
    url,
    store,
    app,
    services,
    notifications,
    caldav,
    dataDir,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function seed(store: HubStore, settings: PortalSettings): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.insertDataset(portalCompany(Date.now()));
    await tx.put('portalSettings', { id: PORTAL_SETTINGS_ID, settings, version: 0 });
  });
  await createUser(store, { email: BACK_OFFICE.email, name: 'Bea Office', role: 'back_office', password: BACK_OFFICE.password });
}

async function signInToken(hub: PortalHub, user: { email: string; password: string }): Promise<string> {
  const signIn = await fetch(`${hub.url}${hubRoutes.signIn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  return ((await signIn.json()) as SignInResponse).token;
}

const backOfficeToken = (hub: PortalHub) => signInToken(hub, BACK_OFFICE);

/** Every change after `cursor` as a console pulls it (one page is enough for these tests). */
export async function pullAsBackOffice(hub: PortalHub, cursor: number): Promise<RowChange[]> {
  const token = await backOfficeToken(hub);
  const response = await fetch(`${hub.url}${hubRoutes.pull}?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as PullResponse).changes;
}

/** Signs the back-office user in over the hub API (as a console does) and answers a push function. */
export async function backOffice(hub: PortalHub): Promise<(name: string, args: unknown) => Promise<PushResponse['results'][number]>> {
  return pusherFor(hub, BACK_OFFICE);
}

/** Signs `user` in over the hub API and answers a function that pushes one mutation at a time as them. */
export async function pusherFor(hub: PortalHub, user: { email: string; password: string }): Promise<(name: string, args: unknown) => Promise<PushResponse['results'][number]>> {
  const token = await signInToken(hub, user);
  return async (name, args) => {
    const response = await fetch(`${hub.url}${hubRoutes.push}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ mutations: [{ id: crypto.randomUUID(), name, args }] }),
    });
    const body = (await response.json()) as PushResponse;
    return body.results[0]!;
  };
}
