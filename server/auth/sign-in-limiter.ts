import type { AttemptStore } from './attempt-store';
import { MemoryAttemptStore } from './memory-attempt-store';

export interface AttemptLimit {
  limit: number;
  windowMs: number;
}

export interface SignInLimits {
  /** Guessing one account's password from one address. */
  perAccount: AttemptLimit;
  /** Trying passwords on many accounts from one address (password spraying). Successful sign-ins do not count. */
  perAddress: AttemptLimit;
}

export const defaultSignInLimits: SignInLimits = {
  perAccount: { limit: 10, windowMs: 5 * 60_000 },
  perAddress: { limit: 30, windowMs: 15 * 60_000 },
};

/** What `begin` counted, so the outcome can be booked against it. */
export interface SignInTicket {
  accountKey: string;
  addressKey: string;
  at: number;
}

export type SignInAdmission = { admitted: true; ticket: SignInTicket } | { admitted: false; retryAfterMs: number; reason: 'account' | 'address' };

/**
 * Slows password guessing. Each attempt is counted BEFORE its (slow) password check, so a burst
 * of parallel guesses gets no more checks than the limit allows; a success gives its attempts
 * back. Hand-written rather than @fastify/rate-limit: that plugin counts every request and
 * cannot give a successful sign-in back, and one store interface serves both limits here.
 */
export class SignInLimiter {
  constructor(
    private readonly store: AttemptStore = new MemoryAttemptStore(),
    private readonly limits: SignInLimits = defaultSignInLimits,
    /** Keeps the counts of other guarded actions (the portal's sign-in, codes) apart in one store. */
    private readonly namespace = '',
  ) {}

  async begin(email: string, address: string, now: number): Promise<SignInAdmission> {
    const ticket = { accountKey: `${this.namespace}account|${email.toLowerCase()}|${address}`, addressKey: `${this.namespace}address|${address}`, at: now };
    // The account first: a flood aimed at one account is then always told so, whatever order it arrives in.
    const byAccount = await this.store.take(ticket.accountKey, this.limits.perAccount.limit, this.limits.perAccount.windowMs, now);
    if (!byAccount.taken) return { admitted: false, retryAfterMs: byAccount.retryAfterMs, reason: 'account' };
    const byAddress = await this.store.take(ticket.addressKey, this.limits.perAddress.limit, this.limits.perAddress.windowMs, now);
    if (!byAddress.taken) {
      // No password is checked for this attempt, so it does not count against the account.
      await this.store.giveBack(ticket.accountKey, now);
      return { admitted: false, retryAfterMs: byAddress.retryAfterMs, reason: 'address' };
    }
    return { admitted: true, ticket };
  }

  /** The password was right: the account starts afresh and the address gets its attempt back. */
  async succeeded(ticket: SignInTicket): Promise<void> {
    await this.store.clear(ticket.accountKey);
    await this.store.giveBack(ticket.addressKey, ticket.at);
  }
}
