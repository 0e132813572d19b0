import { referenceAndSchedule } from './001-reference-and-schedule';
import { outboxAndSyncState } from './002-outbox-and-sync-state';
import { invitationsAndShadow } from './003-invitations-and-shadow';
import { hubIdentityAndPullStage } from './004-hub-identity-and-pull-stage';
import { portalSettings } from './005-portal-settings';
import type { Migration } from './migration';

/** Every migration, in the order they run. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [referenceAndSchedule, outboxAndSyncState, invitationsAndShadow, hubIdentityAndPullStage, portalSettings];

export const latestSchemaVersion = migrations.length;
export type { Migration };
