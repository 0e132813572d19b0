import { z } from 'zod';

/** Booking lifecycle (SPEC "Booking status rules"). */
export const bookingStatuses = ['scheduled', 'traveling', 'in_progress', 'completed', 'canceled'] as const;
export const BookingStatusSchema = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

const allowedTransitions: Record<BookingStatus, readonly BookingStatus[]> = {
  scheduled: ['traveling', 'canceled'],
  traveling: ['in_progress', 'canceled'],
  in_progress: ['completed'],
  completed: [],
  canceled: [],
};

export interface CancellationReason {
  code: string;
  note: string;
}

export type TransitionResult =
  | { ok: true; to: BookingStatus }
  | { ok: false; reason: string };

export function allowedNextStatuses(from: BookingStatus): readonly BookingStatus[] {
  return allowedTransitions[from];
}

export function isTerminalStatus(status: BookingStatus): boolean {
  return allowedTransitions[status].length === 0;
}

/**
 * Checks one status change. Cancelling needs a reason code (from the administrator-kept
 * list, checked by the caller against that list) and is the only way into `canceled`.
 */
export function checkTransition(
  from: BookingStatus,
  to: BookingStatus,
  cancellation?: CancellationReason,
): TransitionResult {
  if (from === to) return { ok: false, reason: `Booking is already ${statusLabel(from)}.` };
  if (!allowedTransitions[from].includes(to)) {
    return { ok: false, reason: `A ${statusLabel(from)} booking cannot become ${statusLabel(to)}.` };
  }
  if (to === 'canceled' && !cancellation?.code.trim()) {
    return { ok: false, reason: 'A cancellation needs a reason code.' };
  }
  return { ok: true, to };
}

const labels: Record<BookingStatus, string> = {
  scheduled: 'Scheduled',
  traveling: 'Traveling',
  in_progress: 'In Progress',
  completed: 'Completed',
  canceled: 'Canceled',
};

export function statusLabel(status: BookingStatus): string {
  return labels[status];
}
