import type { BoardBookingRow } from '../../../shared/contract/ipc-contract';
import type { MessageKey } from '../../../shared/i18n/catalogues';

export type BookingMenuAction = 'open' | 'open-work-order' | 'pin' | 'unpin' | 'accept' | 'copy-link';

/** What a booking's context menu offers, following its state (no pinning a canceled visit, accepting only what awaits review). */
export function bookingMenuItems(booking: Pick<BoardBookingRow, 'status' | 'pinned' | 'needsReview'>): { id: BookingMenuAction; label: MessageKey }[] {
  const live = booking.status !== 'canceled' && booking.status !== 'completed';
  return [
    { id: 'open', label: 'bookingMenu.open' },
    { id: 'open-work-order', label: 'bookingMenu.openWorkOrder' },
    ...(live && !booking.pinned ? [{ id: 'pin' as const, label: 'bookingMenu.pin' as const }] : []),
    ...(live && booking.pinned ? [{ id: 'unpin' as const, label: 'bookingMenu.unpin' as const }] : []),
    ...(booking.needsReview && booking.status !== 'canceled' ? [{ id: 'accept' as const, label: 'bookingMenu.accept' as const }] : []),
    { id: 'copy-link', label: 'bookingMenu.copyLink' },
  ];
}
