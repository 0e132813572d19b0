import { useCallback } from 'react';
import type { BookingStatus } from '../../shared/domain/booking-status';
import type { MessageKey } from '../../shared/i18n/catalogues';
import { useT } from './use-t';

export const statusMessages: Record<BookingStatus, MessageKey> = {
  scheduled: 'status.scheduled',
  traveling: 'status.traveling',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
  canceled: 'status.canceled',
};

/** A booking status in the reader's language ("In progress", "En curso", "قيد التنفيذ"). */
export function useStatusLabel(): (status: BookingStatus) => string {
  const t = useT();
  return useCallback((status) => t(statusMessages[status]), [t]);
}
