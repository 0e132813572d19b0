import type { KeyboardEvent, RefObject } from 'react';
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { BoardItem, RowBookings, TimeScale } from './board-layout';
import { NAME_COLUMN_WIDTH, findRowWithBookings, rowBookings, timeToX } from './board-layout';
import type { BoardBooking } from './board-types';
import { inlineScroll, isRightToLeft, setInlineScroll } from './inline-scroll';

/** Breathing room left beside a booking scrolled into view. */
const SCROLL_MARGIN = 24;

interface KeyboardOptions {
  scrollerRef: RefObject<HTMLElement | null>;
  items: readonly BoardItem[];
  rowIndex: ReadonlyMap<string, RowBookings>;
  itemIndexByResource: ReadonlyMap<string, number>;
  findBooking: (id: string) => BoardBooking | undefined;
  scale: TimeScale;
  activeId: string | null;
  setActiveId: (id: string) => void;
  /** Scrolls the row item into view vertically (the virtualizer's scrollToIndex). */
  scrollToItem: (index: number) => void;
  /** First item index currently in the viewport. */
  firstVisibleIndex: () => number;
  /** A keyboard drag owns the arrow keys while it lasts. */
  isDragActive?: (() => boolean) | undefined;
}

type Origin = { kind: 'booking'; booking: BoardBooking } | { kind: 'item'; index: number } | { kind: 'none' };

const handledKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

function findBookingElement(scroller: HTMLElement | null, id: string): HTMLElement | null {
  return scroller?.querySelector<HTMLElement>(`[data-booking-id="${CSS.escape(id)}"]`) ?? null;
}

/** Horizontal part of "scroll into view"; the sticky name column hides the start of the viewport. */
export function scrollBookingIntoView(scroller: HTMLElement, scale: TimeScale, booking: BoardBooking) {
  const visibleWidth = scroller.clientWidth - NAME_COLUMN_WIDTH;
  const left = timeToX(scale, Math.max(booking.start, scale.rangeStart));
  const width = Math.min(timeToX(scale, Math.min(booking.end, scale.rangeEnd)) - left, visibleWidth - 2 * SCROLL_MARGIN);
  const scrolled = inlineScroll(scroller);
  if (left < scrolled) setInlineScroll(scroller, left - SCROLL_MARGIN);
  else if (left + width > scrolled + visibleWidth) {
    setInlineScroll(scroller, left + width - visibleWidth + SCROLL_MARGIN);
  }
}

/**
 * Arrow-key movement between bookings: Up/Down to the first booking of the previous/next
 * technician with bookings, Left/Right (and Home/End) within a row. Enter and Space are the
 * buttons' own click. The target may be off-screen and not rendered yet, so focus is
 * requested here and given after the next commit.
 */
export function useBoardKeyboard(options: KeyboardOptions) {
  const pendingFocus = useRef<string | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const el = findBookingElement(options.scrollerRef.current, id);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  return useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !handledKeys.has(event.key)) return;
    const o = optionsRef.current;
    if (o.isDragActive?.()) return;
    // Left and right follow the screen: in a right-to-left board, left is later in time.
    const key = o.scrollerRef.current && isRightToLeft(o.scrollerRef.current) ? mirrored(event.key) : event.key;
    const target = nextTarget(key, originOf(event.target, o), o);
    if (target === undefined) return;
    event.preventDefault();
    if (target === null) return;
    moveFocus(target, o, pendingFocus);
  }, []);
}

function mirrored(key: string): string {
  return key === 'ArrowLeft' ? 'ArrowRight' : key === 'ArrowRight' ? 'ArrowLeft' : key;
}

function originOf(target: EventTarget, o: KeyboardOptions): Origin {
  if (!(target instanceof Element)) return { kind: 'none' };
  const bookingEl = target.closest('[data-booking-id]');
  const booking = bookingEl ? o.findBooking(bookingEl.getAttribute('data-booking-id') ?? '') : undefined;
  if (booking) return { kind: 'booking', booking };
  const itemEl = target.closest('[data-item-index]');
  if (itemEl) return { kind: 'item', index: Number(itemEl.getAttribute('data-item-index')) };
  return { kind: 'none' };
}

function firstBookingOfRow(itemIndex: number, o: KeyboardOptions): BoardBooking | null {
  const item = o.items[itemIndex];
  if (item?.kind !== 'row') return null;
  return rowBookings(o.rowIndex, item.technician.id).placed[0]?.booking ?? null;
}

function verticalTarget(fromIndex: number, direction: 1 | -1, o: KeyboardOptions): BoardBooking | null {
  return firstBookingOfRow(findRowWithBookings(o.items, o.rowIndex, fromIndex, direction), o);
}

/** undefined: not our key here (let the browser have it); null: ours, but nowhere to go. */
function nextTarget(key: string, origin: Origin, o: KeyboardOptions): BoardBooking | null | undefined {
  if (origin.kind === 'item') {
    if (key === 'ArrowDown') return verticalTarget(origin.index, 1, o);
    if (key === 'ArrowUp') return verticalTarget(origin.index, -1, o);
    return undefined;
  }
  if (origin.kind === 'none') {
    // Focus is on the grid itself: resume at the last active booking, else start at the top.
    const resumed = o.activeId ? o.findBooking(o.activeId) : undefined;
    if (resumed && o.itemIndexByResource.has(resumed.resourceId)) return resumed;
    return verticalTarget(o.firstVisibleIndex() - 1, 1, o) ?? verticalTarget(-1, 1, o);
  }
  const { booking } = origin;
  const itemIndex = o.itemIndexByResource.get(booking.resourceId);
  if (itemIndex === undefined) return null;
  const placed = rowBookings(o.rowIndex, booking.resourceId).placed;
  const position = placed.findIndex((p) => p.booking.id === booking.id);
  switch (key) {
    case 'ArrowLeft':
      return placed[position - 1]?.booking ?? null;
    case 'ArrowRight':
      return placed[position + 1]?.booking ?? null;
    case 'Home':
      return placed[0]?.booking ?? null;
    case 'End':
      return placed[placed.length - 1]?.booking ?? null;
    case 'ArrowDown':
      return verticalTarget(itemIndex, 1, o);
    default:
      return verticalTarget(itemIndex, -1, o);
  }
}

function moveFocus(booking: BoardBooking, o: KeyboardOptions, pendingFocus: { current: string | null }) {
  const scroller = o.scrollerRef.current;
  const itemIndex = o.itemIndexByResource.get(booking.resourceId);
  if (itemIndex !== undefined) o.scrollToItem(itemIndex);
  if (scroller) scrollBookingIntoView(scroller, o.scale, booking);
  o.setActiveId(booking.id);
  const el = findBookingElement(scroller, booking.id);
  if (el) el.focus({ preventScroll: true });
  else pendingFocus.current = booking.id;
}
