import type { HubMigration } from './migration';
import { rowsAndSync } from './001-rows-and-sync';
import { usersAndSessions } from './002-users-and-sessions';
import { storeIdentity } from './003-store-identity';
import { relationalSchema } from './004-relational-schema';
import { portal } from './005-portal';

/** Applied in this order on both engines; append new steps (with both forms), never edit a released one. */
export const hubMigrations: readonly HubMigration[] = [rowsAndSync, usersAndSessions, storeIdentity, relationalSchema, portal];
export type { HubMigration };
