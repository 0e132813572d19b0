import type { SupportedLocale } from '../../shared/i18n/locales';
import ar from '../messages/ar.json';
import en from '../messages/en.json';
import es from '../messages/es.json';

/** Every portal message id; English is the source catalogue the others translate. */
export type PortalMessageKey = keyof typeof en;
export type PortalCatalogue = Readonly<Record<PortalMessageKey, string>>;

/**
 * The portal's own ICU messages (the console's live in shared/i18n): separate files, so the
 * portal ships only its strings. Typed as complete; test/unit/i18n checks keys and ICU.
 */
export const portalCatalogues: Readonly<Record<SupportedLocale, PortalCatalogue>> = { en, es, ar };
