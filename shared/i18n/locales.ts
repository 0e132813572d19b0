/** The languages the console, the portal and the hub's e-mails are written in. */
export const supportedLocales = ['en', 'es', 'ar'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

export const defaultLocale: SupportedLocale = 'en';

/** Each language named in itself, so a reader finds theirs whatever language the screen is in. */
export const localeNames: Readonly<Record<SupportedLocale, string>> = {
  en: 'English',
  es: 'Español',
  ar: 'العربية',
};

const rightToLeft: ReadonlySet<string> = new Set<SupportedLocale>(['ar']);

export function isSupportedLocale(value: string): value is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(value);
}

export function textDirection(locale: SupportedLocale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/**
 * The first supported language among the reader's preferred ones ("es-MX" → "es"), else
 * English. `requested` is a browser's `navigator.languages` or an Accept-Language list.
 */
export function matchLocale(requested: readonly string[]): SupportedLocale {
  for (const tag of requested) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (isSupportedLocale(language)) return language;
  }
  return defaultLocale;
}
