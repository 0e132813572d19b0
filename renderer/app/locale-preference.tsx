import { useDirection } from '@mantine/core';
import { createContext, use, useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Preferences } from '../../shared/contract/preferences';
import { matchLocale, textDirection, type SupportedLocale } from '../../shared/i18n/locales';

interface LocalePreference {
  /** What the user chose; null follows the operating system's language. */
  choice: SupportedLocale | null;
  /** The language on screen. */
  locale: SupportedLocale;
  choose: (choice: SupportedLocale | null) => void;
}

const LocaleContext = createContext<LocalePreference | null>(null);

interface Props {
  initial: Preferences['locale'];
  save: (choice: SupportedLocale | null) => void;
  children: ReactNode;
}

/**
 * The console's language, and with it the page's `lang` and `dir` and Mantine's direction.
 * Must sit inside Mantine's DirectionProvider.
 */
export function LocalePreferenceProvider({ initial, save, children }: Props) {
  const [choice, setChoice] = useState(initial);
  const locale = choice ?? matchLocale(navigator.languages);
  const { setDirection } = useDirection();
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    setDirection(textDirection(locale));
  }, [locale, setDirection]);
  const choose = useCallback(
    (next: SupportedLocale | null) => {
      setChoice(next);
      save(next);
    },
    [save],
  );
  const value = useMemo(() => ({ choice, locale, choose }), [choice, locale, choose]);
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocalePreference(): LocalePreference {
  const value = use(LocaleContext);
  if (!value) throw new Error('useLocalePreference must be used inside <LocalePreferenceProvider>');
  return value;
}
