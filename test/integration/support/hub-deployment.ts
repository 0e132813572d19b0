import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { hubTestEngine, newTestDatabase, storeArgs, storeLocation } from '../../support/hub-test-engine';
import { postgresBinDir } from '../../support/postgres-server';
import { queryHubStore } from './hub-database';
import { createAdmin, newHubDataDir, runHubCommand, startHub, stopChild, type HubProcess } from './hub-process';

/**
 * The hub as the test project deploys it: one process on SQLite, or two instances on one
 * PostgreSQL database (as behind a load balancer). Backups are what an operator takes on that
 * engine: `hub backup` / `hub restore` (SQLite), or pg_dump / pg_restore followed by
 * `hub new-epoch` (PostgreSQL).
 */
export interface HubDeployment {
  dataDir: string;
  instances: HubProcess[];
  /** The instance the i-th client talks to (clients are spread over the instances). */
  urlFor(client: number): string;
  /** Stops instance `which` (SIGKILL when `kill`, mid-flight) and starts it again on its port. */
  restart(which: number, kill: boolean): Promise<void>;
  backup(): Promise<HubBackup>;
  /** Stops every instance, puts the backup back as an operator would, starts them again. */
  restore(backup: HubBackup): Promise<void>;
  /** Rows of `sql` from the live store, or from a backup. */
  query<T>(sql: string, from?: HubBackup): Promise<T[]>;
  stop(): Promise<void>;
}

export interface HubBackup {
  file: string;
  /** PostgreSQL: a scratch database the dump was restored into, to read what it holds. */
  readable?: string;
}

export async function startHubDeployment(options: { demo: boolean }): Promise<HubDeployment> {
  const dataDir = newHubDataDir();
  createAdmin(dataDir);
  const count = hubTestEngine() === 'postgres' ? 2 : 1;
  const instances: HubProcess[] = [await startHub({ dataDir, demo: options.demo })];
  while (instances.length < count) instances.push(await startHub({ dataDir }));
  const postgres = hubTestEngine() === 'postgres';
  const startAll = async () => {
    for (const [i, instance] of instances.entries()) instances[i] = await startHub({ dataDir, port: instance.port });
  };
  return {
    dataDir,
    instances,
    urlFor: (client) => instances[client % instances.length]!.url,
    async restart(which, kill) {
      const instance = instances[which % instances.length]!;
      await stopChild(instance.child, kill ? 'SIGKILL' : 'SIGTERM');
      instances[which % instances.length] = await startHub({ dataDir, port: instance.port });
    },
    async backup() {
      const file = path.join(newHubDataDir(), postgres ? 'backup.dump' : 'backup.sqlite');
      if (!postgres) {
        runHubCommand(['backup', '--to', file, '--data', dataDir]);
        return { file };
      }
      postgresTool('pg_dump', ['--format=custom', '--file', file, databaseUrl(dataDir)]);
      const readable = newTestDatabase('backup');
      postgresTool('pg_restore', ['--no-owner', '--dbname', readable, file]);
      return { file, readable };
    },
    async restore(backup) {
      for (const instance of instances) await stopChild(instance.child, 'SIGTERM');
      if (postgres) {
        postgresTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--dbname', databaseUrl(dataDir), backup.file]);
        runHubCommand(['new-epoch', ...storeArgs(dataDir)]);
      } else {
        runHubCommand(['restore', '--from', backup.file, '--data', dataDir]);
      }
      await startAll();
    },
    query: (sql, from) => queryHubStore(dataDir, sql, from ? (postgres ? { database: from.readable! } : { file: from.file }) : {}),
    async stop() {
      for (const instance of instances) await instance.stop();
    },
  };
}

function databaseUrl(dataDir: string): string {
  const location = storeLocation(dataDir);
  if (location.engine !== 'postgres') throw new Error('not a PostgreSQL deployment');
  return location.url;
}

function postgresTool(tool: string, args: string[]): void {
  const result = spawnSync(path.join(postgresBinDir()!, tool), args, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr}`);
}
