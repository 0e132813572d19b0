import { referenceAndSchedule } from './001-reference-and-schedule';
import { outboxAndSyncState } from './002-outbox-and-sync-state';
import { invitationsAndShadow } from './003-invitations-and-shadow';
import { hubIdentityAndPullStage } from './004-hub-identity-and-pull-stage';
import { searchCommentsAndViews } from './005-search-comments-and-views';
import { portalSettings } from './006-portal-settings';
import { notifications } from './007-notifications';
import type { Migration } from './migration';

/** Every migration, in the order they run. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [referenceAndSchedule, outboxAndSyncState, invitationsAndShadow, hubIdentityAndPullStage, searchCommentsAndViews, portalSettings, notifications];

export const latestSchemaVersion = migrations.length;
export type { Migration };
