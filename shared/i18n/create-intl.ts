import { createIntl, createIntlCache, type IntlConfig, type IntlShape } from '@formatjs/intl';
import { catalogues } from './catalogues';
import { defaultLocale, type SupportedLocale } from './locales';

/** One cache for every formatter made here: switching language back and forth re-parses nothing. */
const cache = createIntlCache();

/**
 * Messages and formatting for one language. `timeZone` is the zone every date and time is shown
 * in: the company's operating zone in the console, the account's zone on the portal and in
 * e-mails, so nothing built on this falls back to the computer's own zone. React apps pass this
 * to react-intl's IntlProvider; other code calls createIntlFor.
 */
export function intlConfigFor(locale: SupportedLocale, timeZone: string) {
  return { locale, defaultLocale, timeZone, messages: catalogues[locale] } satisfies IntlConfig;
}

export function createIntlFor(locale: SupportedLocale, timeZone: string): IntlShape {
  return createIntl(intlConfigFor(locale, timeZone), cache);
}
