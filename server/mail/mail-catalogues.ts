import type { SupportedLocale } from '../../shared/i18n/locales';
import ar from './messages/ar.json';
import en from './messages/en.json';
import es from './messages/es.json';

/** E-mail texts (ICU MessageFormat), apart from the console's and the portal's catalogues. */
export type MailMessageKey = keyof typeof en;
export type MailCatalogue = Readonly<Record<MailMessageKey, string>>;

export const mailCatalogues: Readonly<Record<SupportedLocale, MailCatalogue>> = { en, es, ar };
