import { defaultMailOptions, MailOptionsSchema, type MailOptions } from '../mail/mail-options';
import { UsageError } from './hub-options';

/** The portal's and e-mail's part of `hub` options; each option falls back to its environment variable. */
export const portalCliOptions = {
  'portal-url': { type: 'string' },
  company: { type: 'string' },
  'map-tiles': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-secure': { type: 'boolean' },
  'smtp-user': { type: 'string' },
  'mail-from': { type: 'string' },
} as const;

export interface PortalServeOptions {
  /** Public address of the portal app for e-mailed links; null: the hub's own address + /portal. */
  portalUrl: string | null;
  tileUrl: string | null;
  mail: MailOptions;
}

type Values = Partial<Record<keyof typeof portalCliOptions, string | boolean>>;
type Env = Readonly<Record<string, string | undefined>>;

const text = (value: unknown, fallback: string | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : fallback || undefined);

function httpUrl(option: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value.replace(/\{[a-z]\}/g, 'a'));
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // answered below
  }
  throw new UsageError(`${option} must be an http:// or https:// address, not "${value.slice(0, 80)}".`);
}

export function parsePortalOptions(values: Values, env: Env): PortalServeOptions {
  const secure = values['smtp-secure'] === true || /^(1|true|yes)$/i.test(env.SMTP_SECURE ?? '');
  const portText = text(values['smtp-port'], env.SMTP_PORT);
  const port = portText === undefined ? (secure ? 465 : defaultMailOptions.port) : Number(portText);
  const parsed = MailOptionsSchema.safeParse({
    host: text(values['smtp-host'], env.SMTP_HOST) ?? null,
    port,
    secure,
    user: text(values['smtp-user'], env.SMTP_USER) ?? null,
    // Never on the command line: every user of the machine could read it there.
    password: text(undefined, env.SMTP_PASSWORD) ?? null,
    from: text(values['mail-from'], env.MAIL_FROM) ?? defaultMailOptions.from,
    company: text(values.company, env.COMPANY_NAME) ?? defaultMailOptions.company,
  });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UsageError(`E-mail settings are not valid (${detail}). See docs/hub.md, "E-mail".`);
  }
  return {
    portalUrl: httpUrl('--portal-url (PORTAL_URL)', text(values['portal-url'], env.PORTAL_URL)),
    tileUrl: httpUrl('--map-tiles (MAP_TILE_URL)', text(values['map-tiles'], env.MAP_TILE_URL)),
    mail: parsed.data,
  };
}
