import { DatabaseAttemptStore } from '../auth/database-attempt-store';
import { SignInLimiter } from '../auth/sign-in-limiter';
import { MailDelivery, smtpTransport, type DeliveryLog, type MailTransport } from '../mail/mail-delivery';
import { allEffects, resendEffects } from '../mail/resend-effect';
import { defaultDeliveryTiming, type DeliveryTiming, type MailOptions } from '../mail/mail-options';
import type { HubStore } from '../store/hub-store';
import { markInvitationSent, portalMutationEffects } from './invitations';
import { portalConfig, type PortalConfig } from './portal-config';
import { PortalOidcClient } from './portal-oidc-client';
import type { PortalDeps } from './portal-plugin';
import type { MutationEffects } from '../sync/push-mutations';

export interface PortalServices {
  config: PortalConfig;
  deps: PortalDeps;
  effects: MutationEffects;
  /** Null when no SMTP host is configured: mail waits in the outbox. */
  delivery: MailDelivery | null;
}

/**
 * The portal, its attempt limits (in the database, so every hub instance and a restart count the
 * same attempts) and e-mail delivery, wired for one hub process.
 */
export function portalServices(
  store: HubStore,
  options: { config: Partial<PortalConfig> & { publicUrl: string }; mail: MailOptions; timing?: DeliveryTiming; transport?: MailTransport },
  log: DeliveryLog,
): PortalServices {
  const config = portalConfig({ company: options.mail.company, ...options.config });
  const attempts = new DatabaseAttemptStore(store);
  const limiter = (action: string) => new SignInLimiter(attempts, config.limits, `portal-${action}|`);
  const timing = options.timing ?? defaultDeliveryTiming;
  const transport = options.transport ?? (options.mail.host ? smtpTransport(options.mail, timing) : null);
  const delivery = transport ? new MailDelivery(store, transport, options.mail.from, log, timing, markInvitationSent) : null;
  return {
    config,
    delivery,
    effects: allEffects([portalMutationEffects(config), resendEffects]),
    deps: {
      store,
      config,
      limiters: { signIn: limiter('sign-in'), redeem: limiter('redeem'), reset: limiter('reset'), oidc: limiter('oidc') },
      mailQueued: () => delivery?.kick(),
      oidc: config.oidc ? new PortalOidcClient(config.oidc) : null,
    },
  };
}
