import ar from './messages/ar.json';
import en from './messages/en.json';
import es from './messages/es.json';
import type { SupportedLocale } from './locales';

/** Every message id; English is the source catalogue the others translate. */
export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;

/**
 * ICU MessageFormat strings (plurals, selects, {placeholders}) per language. Typed as complete:
 * a translation missing a key fails the type check, and a unit test checks the other way.
 */
export const catalogues: Readonly<Record<SupportedLocale, Catalogue>> = { en, es, ar };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- FormatJS types message ids through this global namespace.
  namespace FormatjsIntl {
    // Message ids are checked wherever formatMessage is called.
    interface Message {
      ids: MessageKey;
    }
  }
}
