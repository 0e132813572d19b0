import type { StartOverReason } from '../../../shared/contract/ipc-contract';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/** Why the replica downloaded everything again, in the reader's language. */
export const startOverMessages: Record<StartOverReason, MessageKey> = {
  other_hub: 'sync.startOver.other_hub',
  restored: 'sync.startOver.restored',
  cursor_ahead: 'sync.startOver.cursor_ahead',
  requested: 'sync.startOver.requested',
};

/** The same, told afterwards ("Last full download …: the hub had been restored from a backup"). */
export const startedOverMessages: Record<StartOverReason, MessageKey> = {
  other_hub: 'sync.startedOver.other_hub',
  restored: 'sync.startedOver.restored',
  cursor_ahead: 'sync.startedOver.cursor_ahead',
  requested: 'sync.startedOver.requested',
};
