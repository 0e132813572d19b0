export { catalogues, type Catalogue, type MessageKey } from './catalogues';
export { createIntlFor, intlConfigFor } from './create-intl';
export { formatAge, formatInstant, formatInstantRange, type DateFormatting } from './format-instant';
export { defaultLocale, isSupportedLocale, localeNames, matchLocale, supportedLocales, textDirection, type SupportedLocale } from './locales';
