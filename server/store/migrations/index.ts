import type { HubMigration } from './migration';
import { rowsAndSync } from './001-rows-and-sync';
import { usersAndSessions } from './002-users-and-sessions';
import { storeIdentity } from './003-store-identity';

/** Applied in this order; append new steps, never edit a released one. */
export const hubMigrations: readonly HubMigration[] = [rowsAndSync, usersAndSessions, storeIdentity];
export type { HubMigration };
