import { useEffect, useRef, type RefObject } from 'react';
import type { TimeScale } from './board-layout';
import type { BoardBooking } from './board-types';
import { scrollBookingIntoView } from './use-board-keyboard';

interface Options {
  activeId: string | null;
  setActiveId: (id: string) => void;
  findBooking: (id: string) => BoardBooking | undefined;
  itemIndexByResource: ReadonlyMap<string, number>;
  scrollerRef: RefObject<HTMLElement | null>;
  scale: TimeScale;
  scrollToItem: (index: number) => void;
}

/**
 * A booking selected from elsewhere (the map, a link) is scrolled into view and becomes the
 * board's active booking, so it is rendered and the keyboard continues from it.
 */
export function useRevealSelected(selectedId: string | null, options: Options): void {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  useEffect(() => {
    const o = optionsRef.current;
    if (!selectedId || selectedId === o.activeId) return;
    const booking = o.findBooking(selectedId);
    if (!booking) return;
    const index = o.itemIndexByResource.get(booking.resourceId);
    if (index !== undefined) o.scrollToItem(index);
    if (o.scrollerRef.current) scrollBookingIntoView(o.scrollerRef.current, o.scale, booking);
    o.setActiveId(selectedId);
  }, [selectedId]);
}
