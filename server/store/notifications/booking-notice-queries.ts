import type { SqlExecutor } from '../sql-executor';
import { numberOrNull, placeholders } from '../portal/sql-params';

/** What the customer was last told about a booking, and when its reminder is due (migration 007). */
export interface BookingNotice {
  bookingId: string;
  toldStart: number;
  toldEnd: number;
  toldStatus: string;
  reminderDueAt: number | null;
  reminderSentAt: number | null;
}

interface Stored {
  booking_id: string;
  told_start: number;
  told_end: number;
  told_status: string;
  reminder_due_at: number | null;
  reminder_sent_at: number | null;
}

const toNotice = (r: Stored): BookingNotice => ({
  bookingId: r.booking_id,
  toldStart: Number(r.told_start),
  toldEnd: Number(r.told_end),
  toldStatus: r.told_status,
  reminderDueAt: numberOrNull(r.reminder_due_at),
  reminderSentAt: numberOrNull(r.reminder_sent_at),
});

export async function findNotice(ex: SqlExecutor, bookingId: string): Promise<BookingNotice | undefined> {
  const lock = ex.dialect.name === 'postgres' ? ' FOR UPDATE' : '';
  const [row] = await ex.all<Stored>(`SELECT * FROM booking_notices WHERE booking_id = ${ex.dialect.param(1)}${lock}`, [bookingId]);
  return row && toNotice(row);
}

export async function saveNotice(ex: SqlExecutor, notice: BookingNotice, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO booking_notices (booking_id, told_start, told_end, told_status, reminder_due_at, reminder_sent_at, updated_at) VALUES (${placeholders(ex, 7)})
     ON CONFLICT (booking_id) DO UPDATE SET told_start = excluded.told_start, told_end = excluded.told_end, told_status = excluded.told_status,
       reminder_due_at = excluded.reminder_due_at, reminder_sent_at = excluded.reminder_sent_at, updated_at = excluded.updated_at`,
    [notice.bookingId, notice.toldStart, notice.toldEnd, notice.toldStatus, notice.reminderDueAt, notice.reminderSentAt, now],
  );
}

/**
 * Claims due reminders: scheduled visits still ahead whose reminder is due and not yet sent.
 * PostgreSQL skips rows another hub instance is claiming at this moment; the caller marks each
 * sent in the same transaction that queues its e-mail.
 */
export async function dueReminders(ex: SqlExecutor, now: number, limit: number, options = { lock: true }): Promise<BookingNotice[]> {
  const p = ex.dialect.param;
  const lock = options.lock && ex.dialect.name === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows = await ex.all<Stored>(
    `SELECT * FROM booking_notices WHERE reminder_due_at <= ${p(1)} AND reminder_sent_at IS NULL AND told_status = 'scheduled' AND told_start > ${p(2)}
     ORDER BY reminder_due_at, booking_id LIMIT ${p(3)}${lock}`,
    [now, now, limit],
  );
  return rows.map(toNotice);
}

export async function markReminderSent(ex: SqlExecutor, bookingId: string, now: number): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(`UPDATE booking_notices SET reminder_sent_at = ${p(1)}, updated_at = ${p(2)} WHERE booking_id = ${p(3)}`, [now, now, bookingId]);
}

/** A reminder not yet sent of a scheduled visit still ahead, with its account's zone. */
export interface PendingReminder {
  bookingId: string;
  toldStart: number;
  reminderDueAt: number | null;
  timeZone: string;
}

/** Every reminder not yet sent of a scheduled visit still ahead (to schedule again by a new lead). */
export async function pendingReminders(ex: SqlExecutor, now: number): Promise<PendingReminder[]> {
  const rows = await ex.all<{ booking_id: string; told_start: number; reminder_due_at: number | null; time_zone: string }>(
    `SELECT n.booking_id, n.told_start, n.reminder_due_at, a.time_zone FROM booking_notices n
       JOIN bookings b ON b.id = n.booking_id JOIN work_orders w ON w.id = b.work_order_id JOIN accounts a ON a.id = w.account_id
     WHERE n.reminder_sent_at IS NULL AND n.told_status = 'scheduled' AND n.told_start > ${ex.dialect.param(1)}`,
    [now],
  );
  return rows.map((r) => ({ bookingId: r.booking_id, toldStart: Number(r.told_start), reminderDueAt: numberOrNull(r.reminder_due_at), timeZone: r.time_zone }));
}

export async function setReminderDue(ex: SqlExecutor, bookingId: string, dueAt: number | null, now: number): Promise<void> {
  const p = ex.dialect.param;
  await ex.run(`UPDATE booking_notices SET reminder_due_at = ${p(1)}, updated_at = ${p(2)} WHERE booking_id = ${p(3)}`, [dueAt, now, bookingId]);
}
