import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../shared/i18n/catalogues';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** `t('settings.title')`, `t('board.summary', { technicians: 40 })`: a message from the catalogue, as text. */
export function useT(): (id: MessageKey, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
