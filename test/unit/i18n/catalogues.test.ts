import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import { createIntlFor } from '../../../shared/i18n/create-intl';
import { formatAge, formatInstant, formatInstantRange } from '../../../shared/i18n/format-instant';
import { matchLocale, supportedLocales, textDirection, type SupportedLocale } from '../../../shared/i18n/locales';
import { mailCatalogues } from '../../../server/mail/mail-catalogues';

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

type AnyCatalogues = Readonly<Record<SupportedLocale, Readonly<Record<string, string>>>>;

/** Each area keeps its own catalogues (console, e-mails); each set is checked the same way. Last: keys allowed to read the same as English. */
const catalogueSets: [string, AnyCatalogues, Record<'es' | 'ar', string[]>][] = [
  // "Portal" and "Normal" are Spanish words too.
  ['console', catalogues, { ar: ['app.name'], es: ['app.name', 'app.view.portal', 'portalAdmin.tabs', 'priority.normal'] }],
  ['e-mail', mailCatalogues, { ar: [], es: [] }],
];

describe.each(catalogueSets)('%s message catalogues', (_name, set, sameAsEnglish) => {
  const english = set.en;

  it.each(supportedLocales)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(set[locale]).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(supportedLocales)('every %s message parses as ICU and has text', (locale) => {
    for (const [key, message] of Object.entries(set[locale])) {
      expect(() => parse(message), `${locale} ${key}`).not.toThrow();
      expect(message.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it.each(['es', 'ar'] as const)('%s uses the same placeholders and tags as English in every message', (locale) => {
    for (const [key, message] of Object.entries(english)) {
      const translated = set[locale][key]!;
      expect([...argumentsOf(parse(translated))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(message))].sort());
    }
  });

  it.each(supportedLocales)('%s plurals cover every plural category the language has', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(set[locale])) {
      for (const [argument, cases] of pluralCases(parse(message))) {
        expect(cases, `${locale} ${key} {${argument}}`).toContain('other');
        // Arabic has zero, one, two, few, many and other; a missing one would fall back to "other".
        for (const category of categories) if (category !== 'other') expect(cases, `${locale} ${key} {${argument}}`).toContain(category);
      }
    }
  });

  it('is not English in Spanish and Arabic (beyond names and codes)', () => {
    const untranslated = (locale: 'es' | 'ar') =>
      Object.entries(english).filter(([key, text]) => set[locale][key] === text && /[a-z]{4,}/i.test(text.replace(/\{[^}]*\}/g, '')));
    expect(untranslated('ar').map(([key]) => key)).toEqual(sameAsEnglish.ar);
    expect(untranslated('es').map(([key]) => key).sort()).toEqual(sameAsEnglish.es);
  });
});

/** ICU puts narrow no-break spaces before AM/PM and around range dashes; compare as plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0\u2009]/g, ' ');

describe('formatting with a language and a zone', () => {
  const at = Date.UTC(2026, 10, 23, 16, 30); // 10:30 in Chicago

  it('plural forms follow each language', () => {
    const count = (locale: 'en' | 'es' | 'ar', n: number) => createIntlFor(locale, 'UTC').formatMessage({ id: 'board.technicianCount' }, { count: n });
    expect([count('en', 1), count('en', 3)]).toEqual(['1 technician', '3 technicians']);
    expect([count('es', 1), count('es', 3)]).toEqual(['1 técnico', '3 técnicos']);
    expect([count('ar', 1), count('ar', 2), count('ar', 3), count('ar', 11)]).toEqual(['فني واحد', 'فنيان', '3 فنيين', '11 فنيًا']);
  });

  it('names the zone with every instant, in the zone given and not the computer\'s', () => {
    expect(plain(formatInstant(createIntlFor('en', 'America/Chicago'), at))).toBe('Nov 23, 2026, 10:30 AM CST');
    expect(plain(formatInstant(createIntlFor('en', 'Asia/Tokyo'), at))).toMatch(/Nov 24, 2026, 1:30 AM GMT\+9/);
    expect(plain(formatInstant(createIntlFor('es', 'America/Chicago'), at))).toMatch(/23 nov 2026, 10:30.*GMT-6/);
    expect(plain(formatInstantRange(createIntlFor('en', 'America/Chicago'), at, at + 90 * 60_000))).toMatch(/^Nov 23, 2026, 10:30 AM – 12:00 PM CST$/);
  });

  it('says how long ago in the reader\'s language', () => {
    const en = createIntlFor('en', 'UTC');
    expect(formatAge(en, at, at + 10_000)).toBe('now');
    expect(formatAge(en, at, at + 5 * 60_000)).toBe('5 min. ago');
    expect(formatAge(createIntlFor('es', 'UTC'), at, at + 3 * 3_600_000)).toBe('hace 3 h');
    expect(formatAge(createIntlFor('ar', 'UTC'), at, at + 2 * 86_400_000)).toBe('أول أمس'); // CLDR: "the day before yesterday"
    expect(formatAge(createIntlFor('ar', 'UTC'), at, at + 5 * 86_400_000)).toBe('قبل 5 أيام');
  });

  it('matches the reader\'s languages to a supported one and knows the direction', () => {
    expect(matchLocale(['es-MX', 'en'])).toBe('es');
    expect(matchLocale(['fr-FR', 'ar-EG'])).toBe('ar');
    expect(matchLocale(['de-DE'])).toBe('en');
    expect(matchLocale([])).toBe('en');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('es')).toBe('ltr');
  });
});
