import { describe, expect, it } from 'vitest';
import { renderMail } from '../../../server/mail/render-mail';

const start = Date.UTC(2026, 11, 3, 14, 0);
const booking = { kind: 'booking_confirmed' as const, name: 'Ana <script>', number: 'WO-00012', service: 'Boiler & more', technician: 'Tom', address: '1 Main St', start, end: start + 90 * 60_000, link: 'https://service.acme.example/portal/#/appointments/b-1' };

describe('e-mail rendering', () => {
  it('writes times in the account zone and names it, in the recipient language', () => {
    const en = renderMail(booking, { locale: 'en', timeZone: 'America/Chicago', company: 'Acme' });
    expect(en.subject).toMatch(/^Your visit WO-00012 is booked: Dec 3, 2026, 8:00\s*–\s*9:30\sAM\sCST$/);
    expect(en.text).toContain('All times are in the time zone America/Chicago.');
    const es = renderMail(booking, { locale: 'es', timeZone: 'Europe/Madrid', company: 'Acme' });
    expect(es.subject).toMatch(/^Su visita WO-00012 está reservada: 3 dic 2026, 15:00\s*–\s*16:30 CET$/);
    expect(es.text).toContain('Europe/Madrid');
  });

  it('escapes names in HTML but not in plain text, links the portal, and lays Arabic out right to left', () => {
    const ar = renderMail(booking, { locale: 'ar', timeZone: 'Asia/Riyadh', company: 'Acme' });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('Ana &#60;script&#62;');
    expect(ar.html).not.toContain('<script>');
    expect(ar.html).toContain('Boiler &#38; more');
    expect(ar.html).toContain(`<a href="${booking.link}">`);
    expect(ar.text).toContain('Ana <script>');
    expect(ar.text).toContain('Asia/Riyadh');
  });

  it('puts the code and when it expires in invitations', () => {
    const mail = renderMail({ kind: 'invitation', name: 'Ana', code: 'ABCDE-FGHJK', link: 'https://x/portal/#/redeem', expiresAt: start }, { locale: 'en', timeZone: 'America/New_York', company: 'Acme' });
    expect(mail.text).toContain('Your invitation code: ABCDE-FGHJK');
    expect(mail.text).toMatch(/expires on Dec 3, 2026, 9:00\sAM\sEST/);
  });
});
