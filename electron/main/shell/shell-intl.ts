import type { IntlShape } from '@formatjs/intl';
import type { Preferences } from '../../../shared/contract/preferences';
import { createIntlFor } from '../../../shared/i18n/create-intl';
import { matchLocale, type SupportedLocale } from '../../../shared/i18n/locales';
import type { ColorSchemePreference } from '../../../shared/contract/preferences';

/** The language of the menus and notifications: the console's choice, else the operating system's. */
export function shellLocale(preferences: Preferences, systemLocale: string): SupportedLocale {
  return preferences.locale ?? matchLocale([systemLocale]);
}

/** Menus and notifications name no times, but an intl needs a zone: UTC, never the computer's. */
export function shellIntl(preferences: Preferences, systemLocale: string): IntlShape {
  return createIntlFor(shellLocale(preferences, systemLocale), 'UTC');
}

/** Electron's nativeTheme.themeSource for the saved theme: native dialogs, menus and the title bar follow it. */
export function themeSourceFor(colorScheme: ColorSchemePreference): 'system' | 'light' | 'dark' {
  return colorScheme === 'auto' ? 'system' : colorScheme;
}
