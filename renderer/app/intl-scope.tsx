import { useMemo, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { intlConfigFor } from '../../shared/i18n/create-intl';
import { useLocalePreference } from './locale-preference';

/**
 * Messages in the chosen language, dates and times in `timeZone`. The workspace passes the
 * company's operating zone; the shell around it (loading, errors) formats no times and passes UTC
 * so that nothing could ever fall back to the computer's own zone.
 */
export function IntlScope({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const { locale } = useLocalePreference();
  const config = useMemo(() => intlConfigFor(locale, timeZone), [locale, timeZone]);
  return <IntlProvider {...config}>{children}</IntlProvider>;
}
