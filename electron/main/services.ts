import { migrations } from './db/migrations';
import { openReplica, type Replica } from './db/open-replica';
import { seedDemoIfEmpty } from './db/seed-demo-replica';

/** What the IPC handlers work on. Plain Node: no Electron import, so tests and the browser host share it. */
export interface ConsoleServices {
  db: Replica;
  dataFile: string;
  appVersion: string;
  runtime: 'electron' | 'browser-host';
  schemaVersion: number;
  now: () => number;
  close(): void;
}

export interface StartServicesOptions {
  dataFile: string;
  appVersion: string;
  runtime: ConsoleServices['runtime'];
  nativeBinding?: string;
  /** Fill a fresh replica with the demo company (the console's default until a hub is set). */
  seedDemo?: boolean;
  now?: () => number;
}

export function startConsoleServices(options: StartServicesOptions): ConsoleServices {
  const now = options.now ?? Date.now;
  const db = openReplica(options.dataFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  if (options.seedDemo !== false) seedDemoIfEmpty(db, now());
  return {
    db,
    dataFile: options.dataFile,
    appVersion: options.appVersion,
    runtime: options.runtime,
    schemaVersion: migrations.length,
    now,
    close: () => db.close(),
  };
}
