import { useDirection } from '@mantine/core';
import { createContext, use, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { isSupportedLocale, matchLocale, textDirection, type SupportedLocale } from '../../shared/i18n/locales';

interface LocaleChoice {
  locale: SupportedLocale;
  setLocale: (locale: SupportedLocale) => void;
}

const LocaleContext = createContext<LocaleChoice | null>(null);
const storageKey = 'dispatch-desk-portal-language';

/** The last language chosen on this browser, else the browser's own languages. */
function initialLocale(): SupportedLocale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && isSupportedLocale(stored)) return stored;
  } catch {
    // Storage blocked (private mode, policies): the browser's languages will do.
  }
  return matchLocale(navigator.languages);
}

/**
 * The language on screen, and with it the page's `lang`, `dir` and Mantine's direction. Signed
 * in, the profile's language wins (PortalSession sets it); signed out, the browser remembers.
 * Must sit inside Mantine's DirectionProvider.
 */
export function LocaleChoiceProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);
  const { setDirection } = useDirection();
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
    setDirection(textDirection(locale));
  }, [locale, setDirection]);
  const value = useMemo(
    () => ({
      locale,
      setLocale: (next: SupportedLocale) => {
        setLocaleState(next);
        try {
          localStorage.setItem(storageKey, next);
        } catch {
          // Not remembered on this browser; the profile still keeps it when signed in.
        }
      },
    }),
    [locale],
  );
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocaleChoice(): LocaleChoice {
  const value = use(LocaleContext);
  if (!value) throw new Error('useLocaleChoice must be used inside <LocaleChoiceProvider>');
  return value;
}
