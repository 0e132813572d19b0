import { useDraggable } from '@dnd-kit/core';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { BookingDragData } from './board-rows';
import type { BoardBooking } from './board-types';

/** The one draggable standing for whichever booking block a drag starts on. */
export const BOARD_DRAGGABLE_ID = 'board-booking';

/**
 * Drag and drop for every booking block through one @dnd-kit draggable: a pointer or key press
 * on a block is handed to it, after pointing it at that block and that booking. A hook per block
 * would cost every first render of a big board; this costs nothing until a drag starts. Only
 * scheduled bookings whose last change is saved can be picked up.
 */
export function useBoardDrag(options: {
  enabled: boolean;
  findBooking: (id: string) => BoardBooking | undefined;
  locked: ReadonlySet<string> | undefined;
}) {
  const data = useRef<BookingDragData>({ kind: 'booking', booking: placeholder });
  const drag = useDraggable({ id: BOARD_DRAGGABLE_ID, data: data.current, disabled: !options.enabled });

  const start = (event: PointerEvent<HTMLElement> | KeyboardEvent<HTMLElement>, listener: 'onPointerDown' | 'onKeyDown') => {
    if (!options.enabled || !(event.target instanceof Element)) return;
    const block = event.target.closest<HTMLElement>('[data-booking-id]');
    const booking = block ? options.findBooking(block.dataset.bookingId ?? '') : undefined;
    if (!block || !booking || booking.status !== 'scheduled' || options.locked?.has(booking.id)) return;
    data.current.booking = booking;
    drag.setNodeRef(block);
    (drag.listeners?.[listener] as ((e: typeof event) => void) | undefined)?.(event);
  };

  return {
    onPointerDown: (event: PointerEvent<HTMLElement>) => start(event, 'onPointerDown'),
    /** Space picks a booking up; other keys are the board's own. */
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.code === 'Space') start(event, 'onKeyDown');
    },
    describedBy: options.enabled ? (drag.attributes['aria-describedby'] as string | undefined) : undefined,
    draggingId: drag.isDragging ? data.current.booking.id : null,
  };
}

const placeholder: BoardBooking = { id: '', resourceId: '', start: 0, end: 0, status: 'scheduled', title: '', needsReview: false, pinned: false };
