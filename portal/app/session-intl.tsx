import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { defaultLocale } from '../../shared/i18n/locales';
import { useMe } from '../api/session';
import { portalCatalogues } from '../i18n/portal-catalogues';
import { useLocaleChoice } from './locale-choice';

/**
 * Messages in the language on screen; dates and times in the signed-in account's zone. Signed
 * out nothing shows a time, and UTC stands in so nothing could fall back to the browser's zone.
 * When a profile loads, its language becomes the one on screen.
 */
export function SessionIntl({ children }: { children: ReactNode }) {
  const me = useMe().data ?? null;
  const { locale, setLocale } = useLocaleChoice();
  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me || adoptedFor.current === me.contact.id) return;
    adoptedFor.current = me.contact.id;
    setLocale(me.language);
  }, [me, setLocale]);
  const timeZone = me?.account.timeZone ?? 'UTC';
  const messages = useMemo(() => portalCatalogues[locale], [locale]);
  return (
    <IntlProvider locale={locale} defaultLocale={defaultLocale} timeZone={timeZone} messages={messages}>
      {children}
    </IntlProvider>
  );
}
