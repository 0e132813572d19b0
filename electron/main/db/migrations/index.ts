import { referenceAndSchedule } from './001-reference-and-schedule';
import { outboxAndSyncState } from './002-outbox-and-sync-state';
import type { Migration } from './migration';

/** Every migration, in the order they run. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [referenceAndSchedule, outboxAndSyncState];

export const latestSchemaVersion = migrations.length;
export type { Migration };
