import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { supportedLocales, type SupportedLocale } from '../../../shared/i18n/locales';

/**
 * The consistency checks every set of catalogues gets (the console's in shared/i18n, the portal's
 * in portal/messages, …): same keys, ICU parses, same placeholders, complete plurals, translated.
 */

/** Argument names a message uses, and its plural/select argument names with the cases it offers. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal && element.type !== TYPE.tag) into.add(element.value);
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function pluralCases(elements: MessageFormatElement[]): Map<string, string[]> {
  const cases = new Map<string, string[]>();
  for (const element of elements) {
    if (element.type === TYPE.plural) cases.set(element.value, Object.keys(element.options));
  }
  return cases;
}

type Catalogues = Readonly<Record<SupportedLocale, Readonly<Record<string, string>>>>;

/** `sameAsEnglish`: the keys each language may leave as in English (names, codes). */
export function describeCatalogues(name: string, catalogues: Catalogues, sameAsEnglish: { es: readonly string[]; ar: readonly string[] }): void {
  const english = catalogues.en;
  describe(`${name} message catalogues`, () => {
    it.each(supportedLocales)('%s has exactly the English keys', (locale) => {
      expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(english).sort());
    });

    it.each(supportedLocales)('every %s message parses as ICU and has text', (locale) => {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        expect(() => parse(message), `${locale} ${key}`).not.toThrow();
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
      }
    });

    it.each(['es', 'ar'] as const)('%s uses the same placeholders and tags as English in every message', (locale) => {
      for (const [key, message] of Object.entries(english)) {
        const translated = catalogues[locale][key] ?? '';
        expect([...argumentsOf(parse(translated))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(message))].sort());
      }
    });

    it.each(supportedLocales)('%s plurals cover every plural category the language has', (locale) => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalogues[locale])) {
        for (const [argument, cases] of pluralCases(parse(message))) {
          expect(cases, `${locale} ${key} {${argument}}`).toContain('other');
          // Arabic has zero, one, two, few, many and other; a missing one would fall back to "other".
          for (const category of categories) if (category !== 'other') expect(cases, `${locale} ${key} {${argument}}`).toContain(category);
        }
      }
    });

    it('is not English in Spanish and Arabic (beyond names and codes)', () => {
      const untranslated = (locale: 'es' | 'ar') =>
        Object.entries(english).filter(([key, text]) => catalogues[locale][key] === text && /[a-z]{4,}/i.test(text.replace(/\{[^}]*\}/g, '')));
      expect(untranslated('ar').map(([key]) => key).sort()).toEqual([...sameAsEnglish.ar].sort());
      expect(untranslated('es').map(([key]) => key).sort()).toEqual([...sameAsEnglish.es].sort());
    });
  });
}
