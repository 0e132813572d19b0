import { ApiError } from '../../../shared/contract/api-result';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/**
 * Why a call to the hub failed, for the screen: the console's own reasons (the hub away, the
 * session gone) in the reader's language; the hub's refusals as the hub wrote them.
 */
export function hubCallReason(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError && error.code === 'hub_unreachable') return t('calendars.unreachable');
  if (error instanceof ApiError && error.code === 'not_connected') return t('calendars.signIn');
  return error instanceof Error ? error.message : String(error);
}
