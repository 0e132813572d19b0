import type { BookingStatus } from '../../../shared/domain/booking-status';
import type { ReactNode } from 'react';
import type { UtilisationLevel } from '../../../shared/contract/ipc-contract';
import type { SupportedLocale } from '../../../shared/i18n/locales';
import type { BoardGeometry } from './board-geometry';

export interface BoardTechnician {
  id: string;
  name: string;
  territoryId: string;
  territoryName: string;
  /** The technician's own zone; a row whose zone differs from the board's is marked. */
  timeZone?: string;
  /** How booked each board day is, in order (utilisation shading). */
  utilisation?: readonly { level: UtilisationLevel }[];
}

export interface BoardBooking {
  id: string;
  resourceId: string;
  /** The row version (sent back with every change) and its work order. */
  version?: number;
  workOrderId?: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms. */
  end: number;
  status: BookingStatus;
  /** What the visit is, e.g. 'Boiler service'. */
  title: string;
  /** The work order number, e.g. 'WO-00042'. */
  reference?: string;
  /** Account name. */
  subtitle?: string;
  needsReview: boolean;
  pinned: boolean;
}

export interface ScheduleBoardProps {
  /** Already sorted; the board groups them by territory (territoryName order, stable). */
  technicians: readonly BoardTechnician[];
  bookings: readonly BoardBooking[];
  /** Epoch ms of the displayed range (one day by default; may be several days). */
  rangeStart: number;
  rangeEnd: number;
  /** IANA zone used for the time axis labels. */
  timeZone: string;
  /** Draws a "now" line if inside the range. */
  now?: number;
  onSelectBooking?: (id: string) => void;
  /** Right click, the Menu key or Shift+F10 on a booking, at window coordinates. */
  onBookingContextMenu?: (id: string, x: number, y: number) => void;
  selectedBookingId?: string | null;
  /** Horizontal scale; 120 by default. */
  pxPerHour?: number;
  /** Shows the status legend above the grid; true by default. */
  showLegend?: boolean;
  /** Language of the board's words and dates; English by default. */
  locale?: SupportedLocale;
  /** Bookings can be dragged (the board must then sit inside a @dnd-kit DndContext). */
  draggable?: boolean;
  /** Bookings that cannot be dragged right now (a change of theirs is being saved). */
  lockedBookingIds?: ReadonlySet<string>;
  /** While true, arrow keys belong to a keyboard drag, not to moving between bookings. */
  isDragActive?: () => boolean;
  /** Drawn over the rows inside the scrolled canvas (a drag's target, planned visits); reads useBoardGeometry(). */
  overlay?: ReactNode;
  /** Receives the board's geometry after every render (hit-testing drags). */
  geometryRef?: { current: BoardGeometry | null };
}
