import { defaultMailOptions, MailOptionsSchema, type MailOptions } from '../mail/mail-options';
import { notificationKinds } from '../../shared/domain/notification-settings';
import { defaultNotificationConfig, parseKindList, parseReminderLead, type NotificationConfig } from '../notifications/notification-config';
import type { OidcSettings } from '../portal/oidc-settings';
import { UsageError } from './hub-options';
import { oidcCliOptions, parseOidcOptions } from './oidc-cli-options';

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
  'notifications-off': { type: 'string' },
  reminder: { type: 'string' },
  ...oidcCliOptions,
} as const;

export interface PortalServeOptions {
  /** Public address of the portal app for e-mailed links; null: the hub's own address + /portal. */
  portalUrl: string | null;
  tileUrl: string | null;
  mail: MailOptions;
  notifications: NotificationConfig;
  /** External sign-in; null when not configured. */
  oidc: OidcSettings | null;
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
    notifications: parseNotificationOptions(values, env),
    oidc: parseOidcOptions(values, env),
  };
}

/** --notifications-off booking_moved,… (NOTIFICATIONS_OFF) and --reminder 1d@17:00 | 3h (NOTIFICATION_REMINDER). */
function parseNotificationOptions(values: Values, env: Env): NotificationConfig {
  const off = parseKindList(text(values['notifications-off'], env.NOTIFICATIONS_OFF) ?? '');
  if (off.unknown.length > 0) throw new UsageError(`--notifications-off (NOTIFICATIONS_OFF) names no such notification: ${off.unknown.join(', ')}. Known: ${notificationKinds.join(', ')}.`);
  const reminderText = text(values.reminder, env.NOTIFICATION_REMINDER);
  const reminder = reminderText === undefined ? defaultNotificationConfig.reminder : parseReminderLead(reminderText);
  if (!reminder) throw new UsageError(`--reminder (NOTIFICATION_REMINDER) must be days before at a local time, like 1d@17:00, or hours before, like 3h; not "${reminderText!.slice(0, 40)}".`);
  return { ...defaultNotificationConfig, enabled: new Set(notificationKinds.filter((k) => !off.kinds.includes(k))), reminder };
}
