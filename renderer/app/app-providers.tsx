import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { Preferences } from '../../shared/contract/preferences';
import { catalogues } from '../../shared/i18n/catalogues';
import { defaultLocale, isSupportedLocale, type SupportedLocale } from '../../shared/i18n/locales';
import { useApi } from '../api/api-context';
import { preferencesColorSchemeManager } from './color-scheme-manager';
import { IntlScope } from './intl-scope';
import { LocalePreferenceProvider } from './locale-preference';
import { cssVariablesResolver, theme } from './theme';
import './mantine-styles';

interface Props {
  /** Read before the first render, so the first paint has the right language, direction and scheme. */
  preferences: Preferences;
  children: ReactNode;
}

/** Kit, theme (light, dark or the system's), direction and language around the whole console. */
export function AppProviders({ preferences, children }: Props) {
  const api = useApi();
  const colorSchemeManager = useMemo(
    () => preferencesColorSchemeManager(preferences.colorScheme, (colorScheme) => api.setPreferences({ colorScheme }), reportSaveError),
    // One manager for the window's life: `preferences` is only its starting point.
    [api],
  );
  const saveLocale = useCallback((locale: SupportedLocale | null) => void api.setPreferences({ locale }).catch(reportSaveError), [api]);
  return (
    <DirectionProvider detectDirection>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
        <LocalePreferenceProvider initial={preferences.locale} save={saveLocale}>
          <IntlScope timeZone="UTC">
            <Notifications position="bottom-center" limit={3} autoClose={4000} aria-live="polite" />
            {children}
          </IntlScope>
        </LocalePreferenceProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

/** Rare (the preferences file could not be written). Outside React: the page's lang is the language on screen. */
function reportSaveError(error: Error): void {
  const lang = document.documentElement.lang;
  const title = catalogues[isSupportedLocale(lang) ? lang : defaultLocale]['preferences.saveFailed'];
  notifications.show({ color: 'danger', title, message: error.message, autoClose: false });
}
