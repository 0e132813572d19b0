import { describe, expect, it } from 'vitest';
import { portalCatalogues } from '../../../portal/i18n/portal-catalogues';
import { catalogues } from '../../../shared/i18n/catalogues';
import { createIntlFor } from '../../../shared/i18n/create-intl';
import { formatAge, formatInstant, formatInstantRange } from '../../../shared/i18n/format-instant';
import { matchLocale, textDirection } from '../../../shared/i18n/locales';
import { mailCatalogues } from '../../../server/mail/mail-catalogues';
import { describeCatalogues } from './catalogue-checks';

// "Portal" and "Normal" are Spanish words too.
describeCatalogues('console', catalogues, { ar: ['app.name'], es: ['app.name', 'app.view.portal', 'portalAdmin.tabs', 'priority.normal'] });
describeCatalogues('portal', portalCatalogues, { ar: ['app.name'], es: ['app.name'] });
describeCatalogues('e-mail', mailCatalogues, { ar: [], es: [] });

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
