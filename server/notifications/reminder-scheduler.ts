import type { DeliveryLog } from '../mail/mail-delivery';
import type { HubStore } from '../store/hub-store';
import { dueReminders, markReminderSent } from '../store/notifications/booking-notice-queries';
import { bookingFacts } from './booking-facts';
import { queueVisitMail, savedNotificationRules, type NotifierDeps } from './booking-notifier';

/**
 * Sends reminders from their durable schedule (booking_notices.reminder_due_at). Each round
 * claims due rows and, per row, queues the e-mail and records it sent in ONE transaction: a
 * restart, a crash or a second hub instance never sends a reminder twice, and a reminder
 * whose time passed while the hub was down goes out at the next start (if the visit is still
 * ahead). The timer only decides when to look.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: HubStore,
    private readonly deps: NotifierDeps,
    private readonly log: DeliveryLog,
    private readonly options: { pollMs: number; batch: number; afterQueued?: () => void } = { pollMs: 60_000, batch: 50 },
  ) {}

  start(): void {
    this.tick();
  }

  /** Looks for due reminders now; answers when that round ended. */
  async runOnce(): Promise<number> {
    let sent = 0;
    // A read first: most rounds find nothing, and an idle hub should not take the write lock every poll.
    if ((await this.store.read((tx) => dueReminders(tx.sql, Date.now(), 1, { lock: false }))).length === 0) return 0;
    for (;;) {
      const queued = await this.store.transaction(async (tx) => {
        const now = Date.now();
        const due = await dueReminders(tx.sql, now, this.options.batch);
        // Switched off after the reminder was scheduled: it is recorded as handled and not sent.
        const sends = due.length > 0 && (await savedNotificationRules(tx, this.deps.config)).enabled.has('booking_reminder');
        for (const notice of due) {
          const facts = await bookingFacts(tx, notice.bookingId, this.deps.portal.defaultLanguage);
          if (facts && sends) await queueVisitMail(tx, facts, 'booking_reminder', this.deps, notice, now);
          await markReminderSent(tx.sql, notice.bookingId, now);
        }
        return due.length;
      });
      sent += queued;
      if (queued > 0) this.options.afterQueued?.();
      if (queued < this.options.batch || this.stopped) return sent;
    }
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.log.warn({ event: 'reminder-round-failed', err: error }, 'reminder round failed; trying again later'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        this.timer = setTimeout(() => this.tick(), this.options.pollMs);
        this.timer.unref();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
