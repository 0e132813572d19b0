import { fileURLToPath } from 'node:url';
import type { ContextMenuAnswer, ContextMenuItem } from '../../shared/contract/context-menu';
import type { ConsoleEvent } from '../../shared/contract/ipc-contract';
import { migrations } from './db/migrations';
import { openReplica, type Replica } from './db/open-replica';
import { seedDemoIfEmpty } from './db/seed-demo-replica';
import { RouteInbox } from './links/route-inbox';
import { PreferencesStore, preferencesFileFor } from './preferences/preferences-store';
import { PlanRunner } from './scheduling/plan-runner';
import { SchedulingWorlds } from './scheduling/world-cache';
import { RecordSearch } from './search/search-records';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import type { TokenCipher } from './sync/token-cipher';

/** What the IPC handlers work on. Plain Node: no Electron import, so tests and the browser host share it. */
export interface ConsoleServices {
  db: Replica;
  dataFile: string;
  appVersion: string;
  runtime: 'electron' | 'browser-host';
  schemaVersion: number;
  now: () => number;
  sync: SyncService;
  /** Look and language chosen on this computer. */
  preferences: PreferencesStore;
  /** The engine's view of the replica (dropped on every data change). */
  worlds: SchedulingWorlds;
  /** "Plan the day" runs, each in a worker thread. */
  plans: PlanRunner;
  /** The command palette's record search. */
  search: RecordSearch;
  /** Links waiting for the window. */
  routes: RouteInbox;
  /** What only a desktop shell can do; set by the Electron shell, absent in the browser host. */
  shell: ShellHooks;
  /** Subscribes to main-process notifications (sync status, data changed); returns the unsubscribe function. */
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  close(): void;
}

export interface ShellHooks {
  showContextMenu?: (items: ContextMenuItem[]) => Promise<ContextMenuAnswer>;
}

export interface StartServicesOptions {
  dataFile: string;
  appVersion: string;
  runtime: ConsoleServices['runtime'];
  nativeBinding?: string;
  /** Where preferences are kept; by default preferences.json beside the replica. */
  preferencesFile?: string;
  /** Fill a fresh replica with the demo company (the console's default until a hub is set). */
  seedDemo?: boolean;
  now?: () => number;
  /** Timings of sync (tests shorten them). */
  sync?: Pick<SyncServiceOptions, 'pollIntervalMs' | 'backoffMinMs' | 'backoffMaxMs' | 'requestTimeoutMs' | 'pageSize' | 'manualSync'>;
  /** Start syncing at once when the replica has a hub session (default true). */
  autoSync?: boolean;
  /** The planner's worker script: the built plan-worker.js in the app, the TypeScript source otherwise. */
  planWorkerFile?: string;
  /** The first sync's snapshot reader worker: the built snapshot-worker.js in the app, the TypeScript source otherwise. */
  snapshotWorkerFile?: string;
  /** How long a plan keeps improving after its first result (ms). */
  planBudgetMs?: number;
  /** How the hub session token is stored (the desktop app passes one over safeStorage). */
  tokenCipher?: TokenCipher;
}

/** Beside this file when run from source (tests, the browser host); the Electron shell passes the built one. */
const defaultPlanWorkerFile = fileURLToPath(new URL('./scheduling/plan-worker.ts', import.meta.url));

export function startConsoleServices(options: StartServicesOptions): ConsoleServices {
  const now = options.now ?? Date.now;
  const db = openReplica(options.dataFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  if (options.seedDemo !== false) seedDemoIfEmpty(db, now());
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const worlds = new SchedulingWorlds(db);
  const emit = (event: ConsoleEvent) => {
    // Before anyone hears of a change, so nobody reads the engine's view of the old data.
    if (event.type === 'data-changed') worlds.invalidate();
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('A console event listener failed', error);
      }
    }
  };
  const sync = new SyncService(db, {
    now,
    emit,
    ...options.sync,
    ...(options.tokenCipher ? { tokenCipher: options.tokenCipher } : {}),
    ...(options.snapshotWorkerFile ? { snapshotWorkerFile: options.snapshotWorkerFile } : {}),
  });
  if (options.autoSync !== false) sync.start();
  const plans = new PlanRunner({
    workerFile: options.planWorkerFile ?? defaultPlanWorkerFile,
    budgetMs: options.planBudgetMs ?? 3000,
    now,
    emit: (run) => emit({ type: 'plan-progress', run }),
  });
  return {
    db,
    search: new RecordSearch(db),
    routes: new RouteInbox(() => emit({ type: 'routes-pending' })),
    shell: {},
    dataFile: options.dataFile,
    appVersion: options.appVersion,
    runtime: options.runtime,
    schemaVersion: migrations.length,
    now,
    sync,
    preferences: new PreferencesStore(options.preferencesFile ?? preferencesFileFor(options.dataFile)),
    worlds,
    plans,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      plans.close();
      worlds.close();
      void sync.stop();
      listeners.clear();
      db.close();
    },
  };
}
