import type { RefObject } from 'react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimeScale, TimeWindow } from './board-layout';
import { HOUR_MS, NAME_COLUMN_WIDTH, visibleTimeWindow } from './board-layout';
import { inlineScroll, setInlineScroll } from './inline-scroll';

/**
 * Scroll positions are tracked in buckets of this many pixels: the board re-renders when the
 * bucket changes, not on every scroll event. The window is widened by one bucket to cover
 * the part of the viewport past the bucket's start.
 */
const BUCKET_PX = 60;

interface View {
  bucket: number;
  width: number;
}

/**
 * The time range to render bookings and hour labels for, following the scroll container's
 * horizontal scroll and size. When the displayed range changes, the container scrolls to
 * `startX` (timeline pixels) first. `guessedWidth` stands in for the width until measured.
 */
export function useTimeWindow(
  scrollerRef: RefObject<HTMLElement | null>,
  scale: TimeScale,
  startX: number,
  guessedWidth: number,
  /** Widen the window beyond the viewport (off in the first render: nothing there is seen yet). */
  overscan = true,
): TimeWindow {
  const [view, setView] = useState<View>(() => ({
    bucket: Math.floor(startX / BUCKET_PX),
    width: Math.ceil(guessedWidth / BUCKET_PX) * BUCKET_PX,
  }));
  // Read through a ref: new bookings must not yank the scroll position back.
  const startXRef = useRef(startX);
  startXRef.current = startX;

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    setInlineScroll(el, startXRef.current);
    const read = () => {
      // Width in whole buckets too: a scrollbar appearing must not re-render every row.
      const next = {
        bucket: Math.floor(inlineScroll(el) / BUCKET_PX),
        width: Math.ceil(el.clientWidth / BUCKET_PX) * BUCKET_PX,
      };
      setView((prev) => (prev.bucket === next.bucket && prev.width === next.width ? prev : next));
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [scrollerRef, scale.rangeStart, scale.rangeEnd, scale.pxPerHour]);

  return useMemo(() => {
    // One bucket always: the viewport reaches up to a bucket past the bucket's start.
    const bucketMs = (BUCKET_PX * HOUR_MS) / scale.pxPerHour;
    const overscanMs = bucketMs + (overscan ? HOUR_MS / 2 : 0);
    return visibleTimeWindow(scale, view.bucket * BUCKET_PX, view.width, NAME_COLUMN_WIDTH, overscanMs);
  }, [scale, view, overscan]);
}
