import type { BookingStatus } from '../../shared/domain/booking-status';

/** Status colours for views that take colours as values (FullCalendar); the board uses the same hues in CSS. */
export const statusColors: Record<BookingStatus, string> = {
  scheduled: '#2f6fde',
  traveling: '#d98a00',
  in_progress: '#7c4ddb',
  completed: '#2e9656',
  canceled: '#8a94a3',
};
