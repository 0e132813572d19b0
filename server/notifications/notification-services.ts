import type { DeliveryLog } from '../mail/mail-delivery';
import type { PortalConfig } from '../portal/portal-config';
import type { HubStore } from '../store/hub-store';
import { bookingNotifier } from './booking-notifier';
import type { NotificationConfig } from './notification-config';
import { ReminderScheduler } from './reminder-scheduler';

export interface NotificationServices {
  reminders: ReminderScheduler;
  /** Removes the commit hook and stops the reminder worker. */
  stop(): Promise<void>;
}

/** Booking notifications for one hub process: the commit hook on the store and the reminder worker. */
export function notificationServices(
  store: HubStore,
  options: { config: NotificationConfig; portal: PortalConfig; reminderPollMs?: number; mailQueued?: () => void },
  log: DeliveryLog,
): NotificationServices {
  const deps = { config: options.config, portal: options.portal };
  const removeHook = store.addCommitHook(bookingNotifier(deps));
  const reminders = new ReminderScheduler(store, deps, log, { pollMs: options.reminderPollMs ?? 60_000, batch: 50, ...(options.mailQueued ? { afterQueued: options.mailQueued } : {}) });
  return {
    reminders,
    stop: async () => {
      removeHook();
      await reminders.stop();
    },
  };
}
