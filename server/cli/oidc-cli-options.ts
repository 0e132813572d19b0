import { issuerProblem, type OidcSettings } from '../portal/oidc-settings';
import { UsageError } from './hub-options';

/** External sign-in (OpenID Connect) options of `hub`; each falls back to its environment variable. */
export const oidcCliOptions = {
  'oidc-issuer': { type: 'string' },
  'oidc-client-id': { type: 'string' },
  'oidc-name': { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof oidcCliOptions, string | boolean | undefined>>;
type Env = Readonly<Record<string, string | undefined>>;

const text = (value: unknown, fallback: string | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback?.trim() || undefined);

/** Off (null) unless an issuer is named; then the client id, secret and display name are required. */
export function parseOidcOptions(values: Values, env: Env): OidcSettings | null {
  const issuer = text(values['oidc-issuer'], env.OIDC_ISSUER);
  const clientId = text(values['oidc-client-id'], env.OIDC_CLIENT_ID);
  const displayName = text(values['oidc-name'], env.OIDC_DISPLAY_NAME);
  // Never on the command line: every user of the machine could read it there.
  const clientSecret = text(undefined, env.OIDC_CLIENT_SECRET);
  if (issuer === undefined) {
    if (clientId || displayName || clientSecret) throw new UsageError('External sign-in needs --oidc-issuer (OIDC_ISSUER) besides the client id, secret and name. See docs/hub.md, "External sign-in".');
    return null;
  }
  const problem = issuerProblem(issuer);
  if (problem) throw new UsageError(`--oidc-issuer (OIDC_ISSUER) ${problem}, not "${issuer.slice(0, 80)}".`);
  const missing = [!clientId && '--oidc-client-id (OIDC_CLIENT_ID)', !clientSecret && 'OIDC_CLIENT_SECRET (environment only)', !displayName && '--oidc-name (OIDC_DISPLAY_NAME)'].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`External sign-in at ${issuer} also needs ${missing.join(', ')}. See docs/hub.md, "External sign-in".`);
  if (displayName!.length > 40) throw new UsageError(`--oidc-name (OIDC_DISPLAY_NAME) is at most 40 characters (it goes on a button), not "${displayName!.slice(0, 60)}…".`);
  return { issuer, clientId: clientId!, clientSecret: clientSecret!, displayName: displayName! };
}
