import { randomUUID } from 'node:crypto';
import type { DeliveryLog } from '../mail/mail-delivery';
import { RoundTimer } from '../mail/round-timer';
import type { HubStore } from '../store/hub-store';
import { forgetCaldavEvents, recordCaldavFailed, recordCaldavPushed, type EventKey } from '../store/notifications/caldav-event-queries';
import { claimCaldavTarget, dueCaldavTargets, releaseCaldavTarget, renewCaldavClaim, type CaldavTarget } from '../store/notifications/caldav-target-queries';
import { deleteEvent, describeRequestError, eventHref, putEvent, type CaldavAnswer } from './caldav-client';
import type { CaldavOp } from './caldav-plan';
import { caldavWork } from './caldav-work';
import { visitCalendar } from './visit-event';

export interface CaldavTiming {
  /** How often to look for failed events due again and technicians due for a full comparison. */
  pollMs: number;
  /** Every event of every technician is compared at least this often (the issue: at least every 15 minutes). */
  reconcileMs: number;
  /** How long a claim on a technician lasts without news from its pusher; renewed after every event. */
  leaseMs: number;
  requestTimeoutMs: number;
  /** A failed event is tried again after base, 2 × base, … up to max. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Commits arriving all the time wake the pusher at most this often. */
  minRoundGapMs: number;
}

export const defaultCaldavTiming: CaldavTiming = { pollMs: 30_000, reconcileMs: 15 * 60_000, leaseMs: 120_000, requestTimeoutMs: 20_000, backoffBaseMs: 30_000, backoffMaxMs: 3_600_000, minRoundGapMs: 100 };

export const caldavBackoffMs = (timing: CaldavTiming, attempts: number) => Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** Math.max(0, attempts - 1));

/** What the HTTP routes need of the pusher. */
export interface CaldavPushControl {
  kick(): void;
  /** Pushes the technician now, failed events included; false when another worker holds it (it is pushing already). */
  pushNow(resourceId: string): Promise<boolean>;
}

/**
 * One-way push of technicians' bookings to their CalDAV calendars. Woken after every commit
 * (the commit hook marked the technicians whose events changed) and by a timer for retries and
 * the periodic full comparison. Each technician is pushed under a lease in the database, so hub
 * instances on one PostgreSQL database never push the same calendar at once; every event's
 * outcome is recorded in its own transaction, after the HTTP request and never during one.
 */
export class CaldavPusher implements CaldavPushControl {
  private readonly token = randomUUID();
  private readonly rounds: RoundTimer;
  private stopped = false;

  constructor(
    private readonly store: HubStore,
    private readonly log: DeliveryLog,
    private readonly timing: CaldavTiming = defaultCaldavTiming,
  ) {
    this.rounds = new RoundTimer(() => this.round(), { pollMs: timing.pollMs, minGapMs: timing.minRoundGapMs }, (error) => log.warn({ event: 'caldav-round-failed', err: error }, 'CalDAV push round failed; trying again later'), store);
  }

  start(): void {
    this.kick();
  }

  kick(): void {
    this.rounds.kick();
  }

  async pushNow(resourceId: string): Promise<boolean> {
    return this.pushTechnician(resourceId, true);
  }

  /** Finishes the event in hand, records it and hands the claim back. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.rounds.stop();
  }

  private async round(): Promise<void> {
    const now = Date.now();
    const due = await this.store.read((tx) => dueCaldavTargets(tx.sql, now, now - this.timing.reconcileMs));
    for (const resourceId of due) {
      if (this.stopped) return;
      await this.pushTechnician(resourceId, false).catch((error: unknown) => this.log.warn({ event: 'caldav-technician-failed', resourceId, err: error }, 'CalDAV push of a technician failed; trying again later'));
    }
  }

  /** `force`: a full comparison (timer, push-now) that also retries failed events still waiting out their backoff. */
  private async pushTechnician(resourceId: string, force: boolean): Promise<boolean> {
    const now = Date.now();
    const claim = { resourceId, token: this.token, now, leaseMs: this.timing.leaseMs };
    const target = await this.store.transaction((tx) => claimCaldavTarget(tx.sql, claim));
    if (!target) return false;
    const full = force || target.reconciledAt === null || target.reconciledAt <= now - this.timing.reconcileMs;
    // Cut short (hub stopping, lease lost, a database error): the technician stays dirty for the next round.
    let finished = false;
    try {
      finished = await this.pushClaimed(target, full);
    } finally {
      await this.store.transaction((tx) => releaseCaldavTarget(tx.sql, { resourceId, token: this.token, dirtySeen: finished ? target.dirty : null, reconciledAt: finished && full ? now : null }));
    }
    return true;
  }

  /** False when it stopped early (hub stopping, lease lost). */
  private async pushClaimed(target: CaldavTarget, full: boolean): Promise<boolean> {
    const work = await this.store.read((tx) => caldavWork(tx, target.resourceId, Date.now()));
    if (!work) return false;
    for (const op of work.plan.ops) {
      if (this.stopped) return false;
      if (!full && waitingOut(op, Date.now())) continue;
      if (!(await this.pushOne(target, work.timeZone, op))) return false;
    }
    await this.store.transaction((tx) => forgetCaldavEvents(tx.sql, target.resourceId, work.plan.forget));
    return true;
  }

  /** Sends one event and records the outcome; an unexpected error is this event's failure, not the round's. */
  private async pushOne(target: CaldavTarget, timeZone: string, op: CaldavOp): Promise<boolean> {
    const key: EventKey = { resourceId: target.resourceId, bookingId: op.bookingId, workOrderNumber: op.workOrderNumber, href: op.record?.href ?? eventHref(target.url, op.bookingId) };
    let answer: CaldavAnswer;
    try {
      answer = await this.send(target, timeZone, op, key.href);
    } catch (error) {
      answer = { ok: false, error: describeRequestError(error) };
    }
    const kept = await this.store.transaction(async (tx) => {
      const now = Date.now();
      if (!(await renewCaldavClaim(tx.sql, { resourceId: target.resourceId, url: target.url, token: this.token, now, leaseMs: this.timing.leaseMs }, answer.ok))) return false;
      if (!answer.ok) await recordCaldavFailed(tx.sql, key, { error: answer.error, nextAttemptAt: now + caldavBackoffMs(this.timing, (op.record?.attempts ?? 0) + 1) });
      else if (op.kind === 'delete') await forgetCaldavEvents(tx.sql, target.resourceId, [op.bookingId]);
      else await recordCaldavPushed(tx.sql, key, { etag: answer.etag, sequence: op.event.sequence }, now);
      return true;
    });
    if (!answer.ok) this.log.warn({ event: 'caldav-push-failed', resourceId: target.resourceId, bookingId: op.bookingId, op: op.kind, error: answer.error }, 'CalDAV event not pushed; will retry');
    return kept;
  }

  private async send(target: CaldavTarget, timeZone: string, op: CaldavOp, href: string): Promise<CaldavAnswer> {
    if (op.kind === 'delete') return deleteEvent(target, href, op.record.etag, this.timing.requestTimeoutMs);
    // A CalDAV object must not carry METHOD (RFC 4791 §4.1): the feed's calendar without it.
    const ics = visitCalendar({ method: 'publish', timeZone }, [op.event]).method(null).toString();
    const known = op.record && op.record.sequence !== null ? { etag: op.record.etag } : null;
    return putEvent(target, href, ics, known, this.timing.requestTimeoutMs);
  }
}

/** A failed event still waiting out its backoff (a full comparison tries it anyway). */
function waitingOut(op: CaldavOp, now: number): boolean {
  return op.record?.lastError != null && op.record.nextAttemptAt !== null && op.record.nextAttemptAt > now;
}
