import { defaultSignInLimits, type SignInLimits } from '../auth/sign-in-limiter';
import { defaultLocale, type SupportedLocale } from '../../shared/i18n/locales';
import type { OidcSettings } from './oidc-settings';

/** How the hub runs the portal (from hub options; tests shorten the limits). */
export interface PortalConfig {
  /** Public address of the portal app, e.g. https://service.acme.example/portal: e-mailed links start here. */
  publicUrl: string;
  /** Signs e-mails. */
  company: string;
  /** Language of e-mails to contacts without a portal profile yet (invitations). */
  defaultLanguage: SupportedLocale;
  sessionLifetimeMs: number;
  resetCodeLifetimeMs: number;
  /** Map tile URL template for the live map (null: position as text only). */
  tileUrl: string | null;
  limits: PortalLimits;
  /** External sign-in (OpenID Connect); null: off, and the portal offers none. */
  oidc: OidcSettings | null;
  /** How long a round trip through the issuer may take. */
  oidcFlowLifetimeMs: number;
}

/** Sign-in, redeem and reset attempts, each counted per account (e-mail from one address) and per network address. */
export type PortalLimits = SignInLimits;
export const defaultPortalLimits: PortalLimits = defaultSignInLimits;

export function portalConfig(overrides: Partial<PortalConfig> & { publicUrl: string }): PortalConfig {
  return {
    company: 'Dispatch Desk',
    defaultLanguage: defaultLocale,
    sessionLifetimeMs: 7 * 24 * 60 * 60_000,
    resetCodeLifetimeMs: 60 * 60_000,
    tileUrl: null,
    limits: defaultPortalLimits,
    oidc: null,
    oidcFlowLifetimeMs: 10 * 60_000,
    ...overrides,
  };
}

/** A link into the portal app (hash routes, so the hub serves one page for all of them). */
export function portalLink(config: PortalConfig, route: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${config.publicUrl.replace(/\/+$/, '')}/#/${route}${query ? `?${query}` : ''}`;
}
