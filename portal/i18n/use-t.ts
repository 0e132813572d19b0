import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { PortalMessageKey } from './portal-catalogues';

export type MessageValues = Record<string, string | number | Date | null | undefined>;
export type Translate = (id: PortalMessageKey, values?: MessageValues) => string;

/** `t('home.title')`: a portal message in the language on screen, as text. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
