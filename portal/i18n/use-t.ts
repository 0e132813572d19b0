import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Translate } from './translate';

/** `t('home.title')`: a portal message in the language on screen, as text. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
