import type { AddressInfo } from 'node:net';
import { buildDemoDataset, DEMO_SEED } from '../../shared/demo/seed-builder';
import { buildHubApp } from '../http/build-hub-app';
import { openHubStore } from '../store/open-hub-store';
import { DatabaseAttemptStore } from '../auth/database-attempt-store';
import { SignInLimiter } from '../auth/sign-in-limiter';
import type { HubStore } from '../store/hub-store';
import { UsageError, type ServeOptions } from './hub-options';
import { hubVersion } from './hub-version';
import { portalServices } from '../portal/portal-services';
import { oidcRedirectUri } from '../portal/portal-oidc-routes';
import type { DeliveryLog } from '../mail/mail-delivery';
import { notificationServices } from '../notifications/notification-services';
import { calendarSequenceHook } from '../calendar/calendar-sequence-hook';
import { caldavDirtyHook } from '../calendar/caldav-dirty-hook';
import { CaldavPusher } from '../calendar/caldav-pusher';

const IN_FLIGHT_GRACE_MS = 1_500;
const SHUTDOWN_GRACE_MS = 10_000;

/** Opens the store, optionally fills it with demo data, listens and shuts down cleanly on a signal. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const store = await openHubStore(options.store);
  try {
    if (options.demo) await fillDemo(store, options.store.engine === 'postgres' ? 'the database' : options.data);
  } catch (error) {
    await store.close();
    throw error;
  }
  // Several instances share one PostgreSQL database, so they must count sign-in attempts there too.
  const signInLimiter = store.engine === 'postgres' ? new SignInLimiter(new DatabaseAttemptStore(store)) : undefined;
  // Delivery logs through the app's logger; it starts only after the app exists (below).
  const mailLog: DeliveryLog = { info: (details, message) => app.log.info(details, message), warn: (details, message) => app.log.warn(details, message) };
  const portal = portalServices(store, { config: { publicUrl: options.portal.portalUrl ?? '', tileUrl: options.portal.tileUrl, oidc: options.portal.oidc }, mail: options.portal.mail }, mailLog);
  store.addCommitHook(calendarSequenceHook());
  store.addCommitHook(caldavDirtyHook());
  const caldav = new CaldavPusher(store, mailLog);
  // Feed addresses start at the public portal's origin when one is set, else at the hub's own address.
  let hubUrl = options.portal.portalUrl ? new URL(options.portal.portalUrl).origin : '';
  const notifications = notificationServices(store, { config: options.portal.notifications, portal: portal.config, mailQueued: () => portal.delivery?.kick() }, mailLog);
  const app = buildHubApp(store, {
    version: hubVersion(),
    logger: { level: process.env.LOG_LEVEL ?? 'info', stream: process.stderr },
    timeouts: options.timeouts,
    ...(signInLimiter ? { signInLimiter } : {}),
    portal: portal.deps,
    mutationEffects: portal.effects,
    publicUrl: () => hubUrl,
    caldav,
  });
  if ('restoredFrom' in store.opened && store.opened.restoredFrom) {
    app.log.warn({ event: 'restore-detected', ...store.opened.restoredFrom, epoch: store.opened.identity.epoch }, 'the store is behind its lineage record (restored from an older copy): started a new epoch, consoles will download everything again');
  }
  await app.listen({ port: options.port, host: options.host });
  const { port } = app.server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  // The one line on stdout; logs go to stderr so scripts can read this line without filtering.
  // E-mailed links point at the hub itself unless --portal-url names the public address.
  if (!options.portal.portalUrl) {
    portal.config.publicUrl = `http://${host}:${port}/portal`;
    hubUrl = `http://${host}:${port}`;
  }
  if (options.portal.oidc) {
    app.log.info({ event: 'oidc', issuer: options.portal.oidc.issuer, redirectUri: oidcRedirectUri(portal.config) }, 'external sign-in is on: the issuer must list this redirect URI for the client');
  }
  notifications.reminders.start();
  caldav.start();
  if (portal.delivery) portal.delivery.start();
  else app.log.warn({ event: 'mail-not-configured' }, 'no SMTP host configured (--smtp-host / SMTP_HOST): e-mails wait in the outbox until one is');
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: `http://${host}:${port}` })}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ event: 'shutdown', signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // In-flight requests get a moment to finish; then connections a client left half-used are cut.
    setTimeout(() => app.server.closeAllConnections(), IN_FLIGHT_GRACE_MS).unref();
    void app
      .close()
      // The message being sent is finished and recorded before the store closes: nothing goes out twice.
      .then(() => notifications.stop())
      .then(() => caldav.stop())
      .then(() => portal.delivery?.stop())
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** Demo data only goes into an empty store: mixing it with real rows would be impossible to undo. */
async function fillDemo(store: HubStore, data: string): Promise<void> {
  await store.transaction(async (tx) => {
    if ((await tx.countRows()) > 0) {
      throw new UsageError(`The store in ${data} already holds data, so --demo will not add the demo company. Start without --demo, or use an empty --data folder (or database).`);
    }
    await tx.insertDataset(buildDemoDataset({ seed: DEMO_SEED, now: Date.now() }));
  });
}
