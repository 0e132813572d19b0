import type { BookingStatus } from '../../shared/domain/booking-status';

/**
 * Status colours for views that take colours as values (FullCalendar): darker shades of the
 * board's status hues, so white event text keeps a 4.5:1 contrast.
 */
export const statusColors: Record<BookingStatus, string> = {
  scheduled: '#2f6fde',
  traveling: '#8f5b00',
  in_progress: '#7c4ddb',
  completed: '#1f7a45',
  canceled: '#5f6b7a',
};
