import { createContext, useContext } from 'react';
import type { PlacementTarget } from '../../../shared/contract/dispatch-contract';

/** What the side pane shows beside the board (nothing chosen: the work queue). */
export type SidePanel =
  | { kind: 'booking'; bookingId: string }
  | { kind: 'availability'; target: PlacementTarget; reference: string }
  | { kind: 'fit-in'; workOrderId: string; reference: string }
  | { kind: 'plan' };

export interface Panels {
  open(panel: SidePanel): void;
  close(): void;
}

const PanelsContext = createContext<Panels | null>(null);
export const PanelsProvider = PanelsContext.Provider;

/** Opens a panel beside the board; null outside the board page (the calendar, say). */
export function usePanels(): Panels | null {
  return useContext(PanelsContext);
}

/** Asked from anywhere (the sync-issues panel): show this booking on the board and open it. */
export const OPEN_BOOKING_EVENT = 'dispatch:open-booking';

export function requestOpenBooking(bookingId: string): void {
  window.dispatchEvent(new CustomEvent(OPEN_BOOKING_EVENT, { detail: { bookingId } }));
}
