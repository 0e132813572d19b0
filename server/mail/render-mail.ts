import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { formatInstant, formatInstantRange } from '../../shared/i18n/format-instant';
import { textDirection, type SupportedLocale } from '../../shared/i18n/locales';
import { mailCatalogues, type MailMessageKey } from './mail-catalogues';

/** What each kind of e-mail says; instants are epoch ms, shown in the recipient's account zone. */
export type MailContent =
  | { kind: 'invitation'; name: string; code: string; link: string; expiresAt: number }
  | { kind: 'password_reset'; name: string; code: string; link: string; expiresAt: number }
  | ({ kind: 'booking_confirmed' | 'booking_reminder' } & VisitFacts)
  | ({ kind: 'booking_moved' } & VisitFacts & { previousStart: number; previousEnd: number })
  | ({ kind: 'booking_canceled' } & VisitFacts & { reason: string })
  | ({ kind: 'technician_on_the_way' } & VisitFacts & { arrival: number })
  | ({ kind: 'visit_completed' } & VisitFacts & { surveyLink: string | null });

/** What every message about a visit knows; `link` opens the visit on the portal. */
export interface VisitFacts {
  name: string;
  number: string;
  service: string;
  technician: string;
  address: string;
  start: number;
  end: number;
  link: string;
  /** An .ics file is attached (the message says so). */
  withCalendar?: boolean;
}

export interface MailSetting {
  locale: SupportedLocale;
  /** The account's IANA zone: every time in the message is in it, and the message names it. */
  timeZone: string;
  company: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One line of the message: a catalogue key and its values; `link` values become anchors in HTML. */
interface Line {
  key: MailMessageKey;
  values?: Record<string, string>;
  link?: string;
  code?: string;
}

const cache = createIntlCache();

export function renderMail(content: MailContent, setting: MailSetting): RenderedMail {
  const intl = createIntl({ locale: setting.locale, timeZone: setting.timeZone }, cache);
  const format = (key: MailMessageKey, values: Record<string, string> = {}) =>
    String(intl.formatters.getMessageFormat(mailCatalogues[setting.locale][key], setting.locale).format(values));
  const composed = compose(content, setting, intl);
  const lines: Line[] = [
    { key: 'greeting', values: { name: content.name } },
    ...composed.lines,
    { key: 'zoneNote', values: { zone: setting.timeZone } },
    { key: 'automatic' },
    { key: 'signature', values: { company: setting.company } },
  ];
  const subject = format(composed.subject.key, composed.subject.values);
  const text = lines.map((line) => format(line.key, { ...line.values, ...(line.link ? { link: line.link } : {}), ...(line.code ? { code: line.code } : {}) })).join('\n\n');
  const paragraphs = lines.map((line) => `<p>${format(line.key, htmlValues(line))}</p>`);
  return { subject, text: `${text}\n`, html: htmlDocument(setting.locale, subject, paragraphs) };
}

/** The line's values escaped for HTML; a link becomes an anchor, a code stands out. */
function htmlValues(line: Line): Record<string, string> {
  const values = Object.fromEntries(Object.entries(line.values ?? {}).map(([k, v]) => [k, escapeHtml(v)]));
  if (line.link) values.link = `<a href="${escapeHtml(line.link)}">${escapeHtml(line.link)}</a>`;
  if (line.code) values.code = `<strong style="font-family:monospace;font-size:1.3em;letter-spacing:0.1em" dir="ltr">${escapeHtml(line.code)}</strong>`;
  return values;
}

function compose(content: MailContent, setting: MailSetting, intl: IntlShape): Composed {
  const company = setting.company;
  if (content.kind === 'invitation') {
    return {
      subject: { key: 'invitation.subject', values: { company } },
      lines: [
        { key: 'invitation.intro', values: { company } },
        { key: 'invitation.action', link: content.link },
        { key: 'invitation.code', code: content.code },
        { key: 'invitation.expiry', values: { expires: formatInstant(intl, content.expiresAt) } },
      ],
    };
  }
  if (content.kind === 'password_reset') {
    return {
      subject: { key: 'reset.subject', values: { company } },
      lines: [
        { key: 'reset.intro' },
        { key: 'reset.action', link: content.link },
        { key: 'reset.code', code: content.code },
        { key: 'reset.expiry', values: { expires: formatInstant(intl, content.expiresAt) } },
      ],
    };
  }
  return composeVisit(content, intl);
}

type Composed = { subject: { key: MailMessageKey; values: Record<string, string> }; lines: Line[] };

/** The lines of a message about a visit: what happened first, then the visit's facts. */
function composeVisit(content: Extract<MailContent, VisitFacts>, intl: IntlShape): Composed {
  const when = formatInstantRange(intl, content.start, content.end);
  const number = content.number;
  const facts: Line[] = [
    { key: 'booking.when', values: { when } },
    { key: 'booking.service', values: { service: content.service } },
    { key: 'booking.technician', values: { technician: content.technician } },
    { key: 'booking.address', values: { address: content.address } },
    { key: 'booking.reference', values: { number } },
  ];
  const calendar: Line[] = content.withCalendar ? [{ key: 'booking.calendar' }] : [];
  const manage: Line = { key: 'booking.manage', link: content.link };
  switch (content.kind) {
    case 'booking_confirmed':
      return { subject: { key: 'booking.subject', values: { number, when } }, lines: [{ key: 'booking.intro' }, ...facts, manage, ...calendar] };
    case 'booking_reminder':
      return { subject: { key: 'reminder.subject', values: { number, when } }, lines: [{ key: 'reminder.intro' }, ...facts, manage, ...calendar] };
    case 'booking_moved': {
      const before = formatInstantRange(intl, content.previousStart, content.previousEnd);
      return {
        subject: { key: 'moved.subject', values: { number, when } },
        lines: [{ key: 'moved.intro' }, { key: 'moved.before', values: { when: before } }, { key: 'moved.now', values: { when } }, ...facts.slice(1), manage, ...calendar],
      };
    }
    case 'booking_canceled':
      return {
        subject: { key: 'canceled.subject', values: { number } },
        lines: [{ key: 'canceled.intro', values: { when } }, { key: 'canceled.reason', values: { reason: content.reason } }, ...facts.slice(1), { key: 'canceled.rebook', link: content.link }, ...calendar],
      };
    case 'technician_on_the_way':
      return {
        subject: { key: 'onTheWay.subject', values: { technician: content.technician, number } },
        lines: [
          { key: 'onTheWay.intro', values: { technician: content.technician } },
          { key: 'onTheWay.arrival', values: { when: formatInstant(intl, content.arrival) } },
          { key: 'onTheWay.map', link: content.link },
          ...facts.slice(3),
        ],
      };
    case 'visit_completed':
      return {
        subject: { key: 'completed.subject', values: { number } },
        lines: [
          { key: 'completed.intro', values: { technician: content.technician, service: content.service } },
          ...(content.surveyLink ? [{ key: 'completed.survey', link: content.surveyLink } as Line] : []),
          ...facts.slice(4),
        ],
      };
  }
}

function htmlDocument(locale: SupportedLocale, subject: string, paragraphs: string[]): string {
  const dir = textDirection(locale);
  return [
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em;margin:auto;padding:1em">`,
    ...paragraphs,
    '</body></html>',
  ].join('\n');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
