import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CancelRequestSchema, RedeemInvitationRequestSchema } from '../../../shared/contract/portal-http';
import { checkFields, serverFieldErrors } from '../../../portal/components/field-errors';
import { addDays } from '../../../portal/i18n/format-visit';
import { portalCatalogues, type PortalMessageKey } from '../../../portal/i18n/portal-catalogues';

/** The portal's catalogue without React (in this program FormatJS's message ids are the console's). */
function translator(locale: 'en' | 'es' | 'ar') {
  return (id: PortalMessageKey, values?: Record<string, string | number | Date | null | undefined>) => String(new IntlMessageFormat(portalCatalogues[locale][id], locale).format(values));
}

const redeem = { email: 'ana@example.com', code: 'K7MQR-2XDPA', name: 'Ana', password: 'twelve chars ok', language: 'en' };

describe('field messages on the portal', () => {
  it('checks with the contract\'s schema and says per field what is wrong, in the language on screen', () => {
    const result = checkFields(RedeemInvitationRequestSchema, { ...redeem, email: 'ana@', code: '', password: 'short' }, translator('es'));
    expect(result).toEqual({
      ok: false,
      errors: { email: 'Escriba una dirección de correo como nombre@ejemplo.com.', code: 'Complete este campo.', password: 'Use al menos 12 caracteres.' },
    });
  });

  it('passes the parsed request on (codes as the hub reads them) when everything is right', () => {
    const result = checkFields(RedeemInvitationRequestSchema, { ...redeem, code: 'k7mqr-2xdpa ' }, translator('en'));
    expect(result).toEqual({ ok: true, value: { ...redeem, code: 'K7MQR2XDPA' } });
  });

  it('treats a note of spaces as missing and a too long one by its bound', () => {
    const t = translator('ar');
    expect(checkFields(CancelRequestSchema, { note: '   ' }, t)).toEqual({ ok: false, errors: { note: 'يرجى تعبئة هذا الحقل.' } });
    expect(checkFields(CancelRequestSchema, { note: 'x'.repeat(2001) }, translator('en'))).toEqual({ ok: false, errors: { note: 'Use at most 2,000 characters.' } });
  });

  it('maps the hub\'s own field issues to their fields, the first per field', () => {
    const errors = serverFieldErrors([{ path: 'name', message: 'enter your name' }, { path: 'name', message: 'second' }, { path: 'password', message: 'passwords need at least 12 characters' }], { name: '', password: 'abc' }, translator('en'));
    expect(errors).toEqual({ name: 'Please fill this in.', password: 'Check this field: passwords need at least 12 characters' });
  });
});

describe('calendar days of the day picker', () => {
  it('steps across months, years and a daylight-saving weekend without losing or repeating a day', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
