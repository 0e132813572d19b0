import { randomUUID } from 'node:crypto';
import type { ApiErrorCode } from '../../../shared/contract/api-result';
import type { ConsoleEvent, RunMutationResponse, StartOverReason, SyncIssue, SyncStatus } from '../../../shared/contract/ipc-contract';
import type { EntityName } from '../../../shared/sync/synced-entities';
import type { Replica } from '../db/open-replica';
import { clearPullStage } from '../db/queries/pull-stage-queries';
import { clearToken, readSyncState, resetForHub, saveSession } from '../db/queries/sync-state-queries';
import { withWriteTransaction } from '../db/write-transaction';
import { Connectivity } from './connectivity';
import { HubClient, HubError } from './hub-client';
import { applyLocalMutation } from './local-mutation';
import { clearOutbox, dismissSyncIssue, listSyncIssues, outboxCounts, retrySyncIssue } from './outbox';
import { pull, requestFullDownload } from './pull';
import { createTokenCipher, type TokenCipher } from './token-cipher';
import { push } from './push';

/** An error whose message is meant for the dispatcher (wrong password, unreachable address). */
export class SyncUserError extends Error {
  constructor(
    readonly code: Extract<ApiErrorCode, 'hub_unreachable' | 'sign_in_refused' | 'sign_in_failed' | 'not_connected'>,
    message: string,
  ) {
    super(message);
    this.name = 'SyncUserError';
  }
}

export interface SyncServiceOptions {
  now: () => number;
  /** How the session token is kept in the replica (the desktop app encrypts it with safeStorage). */
  tokenCipher?: TokenCipher;
  emit: (event: ConsoleEvent) => void;
  pollIntervalMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  requestTimeoutMs?: number;
  pageSize?: number;
  /** Where problems that are not the dispatcher's to act on are logged (default: console.warn). */
  log?: (message: string, details: Record<string, unknown>) => void;
  /**
   * Sync only when asked (syncNow): no timer, no event stream, no sync after each write. For
   * repeatable simulations; the console itself always syncs on its own.
   */
  manualSync?: boolean;
  /** The snapshot reader's worker script: the built snapshot-worker.js in the app, the TypeScript source otherwise. */
  snapshotWorkerFile?: string;
}

const DEMO_ACTOR = 'Demo dispatcher';

/**
 * The console's side of sync: local writes (optimistic, queued when a hub is configured),
 * connect/disconnect, push then pull cycles driven by Connectivity, and the status the banner shows.
 *
 * Sync cycles, connect, disconnect and re-download run one at a time (`exclusive`), and each
 * sync cycle belongs to the session `generation` it was started for: a cycle queued or running
 * for a hub the console has since left never writes its rows or cursor into the replica.
 */
export class SyncService {
  private client: HubClient | undefined;
  private readonly connectivity: Connectivity;
  private connection: SyncStatus['connection'];
  private lastError: string | null = null;
  private initialSync: { received: number } | null = null;
  private lastStartOver: SyncStatus['lastStartOver'] = null;
  private lastStatusJson = '';
  private generation = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly cipher: TokenCipher;

  constructor(
    private readonly db: Replica,
    private readonly options: SyncServiceOptions,
  ) {
    this.cipher = options.tokenCipher ?? createTokenCipher();
    const state = readSyncState(db);
    const token = state.token ? this.cipher.open(state.token) : null;
    this.connection = !state.hubUrl ? 'not_configured' : token ? 'connecting' : 'signed_out';
    if (state.hubUrl && token) this.client = this.newClient(state.hubUrl, token);
    this.connectivity = new Connectivity({
      sync: () => this.syncCycle(),
      openEvents: (signal, onChange, onOpen) => {
        const client = this.client;
        if (!client) return Promise.resolve();
        return client.events((event) => event.type === 'change' && onChange(), signal, onOpen);
      },
      retryable: (error) => !(error instanceof HubError && error.kind === 'unauthorized'),
      onOnline: () => this.setConnection('online', null),
      onOffline: (error) => this.setConnection('offline', describe(error)),
      onStopped: (error) => this.signedOut(error),
      pollIntervalMs: options.pollIntervalMs ?? 30_000,
      backoffMinMs: options.backoffMinMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 60_000,
    });
  }

  /** Starts syncing when the replica already has a hub session. */
  start(): void {
    if (this.client) this.startConnectivity();
  }

  /** Stops background sync; resolves once a cycle already under way has ended. */
  async stop(): Promise<void> {
    this.connectivity.stop();
    await this.tail;
  }

  status(): SyncStatus {
    const state = readSyncState(this.db);
    const counts = outboxCounts(this.db);
    return {
      mode: state.hubUrl ? 'hub' : 'demo',
      hubUrl: state.hubUrl,
      user: state.user,
      connection: this.connection,
      lastSuccessAt: state.lastSuccessAt,
      pendingCount: counts.pending,
      refusedCount: counts.refused + counts.failed,
      lastError: this.lastError,
      initialSync: this.initialSync,
      lastStartOver: this.lastStartOver,
      sessionProtection: this.cipher.protection,
    };
  }

  /** The hub session for calls the console passes straight on (screens that need the hub); undefined without one. */
  hubSession(): { client: HubClient; user: SyncStatus['user'] } | undefined {
    return this.client ? { client: this.client, user: readSyncState(this.db).user } : undefined;
  }

  async runMutation(name: string, args: unknown): Promise<RunMutationResponse> {
    const state = readSyncState(this.db);
    const queue = state.hubUrl !== null;
    const mutationId = randomUUID();
    const actor = state.user?.email ?? DEMO_ACTOR;
    const { outcome, touched } = await applyLocalMutation(this.db, { mutationId, name, args, actor, now: this.options.now(), queue });
    const queued = queue && outcome.status === 'applied';
    if (touched.size > 0) this.emitData(touched);
    if (queued) {
      this.emitStatus();
      this.connectivity.nudge();
    }
    return { mutationId, outcome, queued };
  }

  async connect(request: { url: string; email: string; password: string }): Promise<SyncStatus> {
    const url = request.url.replace(/\/+$/, '');
    const client = this.newClient(url, null);
    let session;
    try {
      session = await client.signIn(request.email, request.password);
    } catch (error) {
      throw signInError(url, error);
    }
    this.connectivity.stop();
    this.retireSession();
    const fresh = await this.exclusive(async () => {
      const before = readSyncState(this.db);
      const replace = before.dataOrigin !== 'hub' || before.hubUrl !== url;
      await withWriteTransaction(this.db, async () => {
        if (replace) {
          resetForHub(this.db);
          clearPullStage(this.db);
          if (before.dataOrigin !== 'hub') clearOutbox(this.db);
        }
        saveSession(this.db, { hubUrl: url, token: this.cipher.seal(session.token), user: session.user });
      });
      this.client = client;
      this.lastError = null;
      this.connection = 'connecting';
      return replace;
    });
    if (fresh) {
      this.initialSync = { received: 0 };
      this.emitData(new Set(['territory', 'resource', 'workOrder', 'booking', 'portalRequest', 'reasonCode']));
    }
    this.emitStatus();
    await this.syncReportingStatus();
    this.startConnectivity();
    return this.status();
  }

  async disconnect(): Promise<SyncStatus> {
    this.connectivity.stop();
    const client = this.client;
    this.retireSession();
    await this.exclusive(async () => undefined);
    if (client) await this.newClient(client.baseUrl, client.token).signOut().catch(() => undefined);
    const state = readSyncState(this.db);
    if (state.hubUrl) clearToken(this.db);
    this.initialSync = null;
    this.setConnection(state.hubUrl ? 'signed_out' : 'not_configured', null);
    return this.status();
  }

  /** One push-then-pull now, after any cycle under way; the answer carries the outcome (lastError when it failed). */
  async syncNow(): Promise<SyncStatus> {
    if (!this.client) return this.status();
    await this.syncReportingStatus();
    return this.status();
  }

  /**
   * Settings → "Re-download everything": the next pull fetches every row and replaces the
   * replica's in one transaction (the board keeps showing the old rows until then); the outbox
   * is kept and re-applied on top.
   */
  async redownloadAll(): Promise<SyncStatus> {
    if (!this.client) throw new SyncUserError('not_connected', 'Connect to a hub in Settings first; demo data has nothing to download.');
    const generation = this.generation;
    await this.exclusive(async () => {
      if (generation === this.generation) await requestFullDownload(this.db);
    });
    this.noteStartOver('requested');
    await this.syncReportingStatus();
    return this.status();
  }

  async retryIssue(mutationId: string): Promise<boolean> {
    const retried = await withWriteTransaction(this.db, async () => retrySyncIssue(this.db, mutationId));
    if (retried) {
      this.emitStatus();
      this.connectivity.nudge();
    }
    return retried;
  }

  /**
   * Ends the current session's work at once: its sync cycle stops writing (generation) and its
   * requests in flight are aborted, so connect/disconnect never wait on, or mix with, the old hub.
   */
  private retireSession(): void {
    this.generation += 1;
    this.client?.retire();
    this.client = undefined;
  }

  /** Runs a cycle now and reflects the outcome in the connection state (unless the session changed meanwhile). */
  private async syncReportingStatus(): Promise<void> {
    const generation = this.generation;
    try {
      await this.syncCycle();
      if (generation === this.generation) this.setConnection('online', null);
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof HubError && error.kind === 'unauthorized') {
        this.connectivity.stop();
        this.signedOut(error);
      } else {
        this.setConnection('offline', describe(error));
        this.connectivity.nudge();
      }
    } finally {
      if (this.initialSync && generation === this.generation) {
        this.initialSync = null;
        this.emitStatus();
      }
    }
  }

  private startConnectivity(): void {
    if (!this.options.manualSync) this.connectivity.start();
  }

  listIssues(): SyncIssue[] {
    return listSyncIssues(this.db);
  }

  dismissIssue(mutationId: string): boolean {
    const dismissed = dismissSyncIssue(this.db, mutationId);
    if (dismissed) this.emitStatus();
    return dismissed;
  }

  /** Runs `work` after every exclusive operation before it (one at a time, in call order). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Push what is queued, then pull (which also drops the optimistic effect of refused mutations),
   * for the session current when it was asked for.
   */
  private syncCycle(): Promise<void> {
    const generation = this.generation;
    return this.exclusive(() => this.doSync(generation));
  }

  private async doSync(generation: number): Promise<void> {
    const client = this.client;
    if (generation !== this.generation) return;
    if (!client) throw new HubError('unauthorized', 'Not signed in to a hub.');
    const stillCurrent = () => generation === this.generation && this.client === client;
    const actor = readSyncState(this.db).user?.email ?? DEMO_ACTOR;
    const pushed = await push(this.db, client, { now: this.options.now, stillCurrent });
    if (pushed.applied + pushed.refused + pushed.failed > 0) this.emitStatus();
    const pulled = await pull(this.db, client, {
      actor,
      now: this.options.now,
      stillCurrent,
      ...(this.options.pageSize ? { pageSize: this.options.pageSize } : {}),
      ...(this.options.snapshotWorkerFile ? { snapshotWorkerFile: this.options.snapshotWorkerFile } : {}),
      onStartOver: (why) => this.noteStartOver(why),
      onRebaseError: (entry, error) => this.log('A queued change could not be re-applied locally; the hub will judge it', { mutationId: entry.mutationId, mutation: entry.name, error }),
      onProgress: (received) => {
        if (this.initialSync) {
          this.initialSync = { received };
          this.emitStatus();
        }
      },
    });
    if (pulled.touched.size > 0) this.emitData(pulled.touched);
    this.emitStatus();
  }

  private log(message: string, details: Record<string, unknown>): void {
    (this.options.log ?? ((m, d) => console.warn(m, d)))(message, details);
  }

  /** The replica is being rebuilt from the hub: the banner shows the download and why. */
  private noteStartOver(reason: StartOverReason): void {
    this.lastStartOver = { at: this.options.now(), reason };
    this.initialSync = { received: 0 };
    this.emitStatus();
  }

  private newClient(url: string, token: string | null): HubClient {
    return new HubClient({ baseUrl: url, token, ...(this.options.requestTimeoutMs ? { timeoutMs: this.options.requestTimeoutMs } : {}) });
  }

  /** The hub no longer accepts our session: forget the token and wait for a new sign-in. */
  private signedOut(error: unknown): void {
    clearToken(this.db);
    this.retireSession();
    this.setConnection('signed_out', `${describe(error)} Sign in again to sync.`);
  }

  private setConnection(connection: SyncStatus['connection'], lastError: string | null): void {
    this.connection = connection;
    this.lastError = lastError;
    this.emitStatus();
  }

  private emitStatus(): void {
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.options.emit({ type: 'sync-status', status });
  }

  private emitData(entities: Set<EntityName>): void {
    this.options.emit({ type: 'data-changed', entities: [...entities].sort() });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function signInError(url: string, error: unknown): SyncUserError {
  if (error instanceof HubError) {
    if (error.kind === 'unreachable') return new SyncUserError('hub_unreachable', `Cannot reach a hub at ${url}. Check the address and that the hub is running.`);
    if (error.kind === 'unauthorized' || error.status === 400 || error.status === 403) {
      return new SyncUserError('sign_in_refused', 'The hub did not accept that e-mail and password. Check them and try again.');
    }
    if (error.status === 404) return new SyncUserError('hub_unreachable', `${url} does not look like a Dispatch Desk hub (no sign-in there).`);
    return new SyncUserError('sign_in_failed', `The hub could not sign you in: ${error.message}`);
  }
  return new SyncUserError('sign_in_failed', `Signing in failed: ${describe(error)}`);
}
