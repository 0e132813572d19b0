import { createContext, useContext } from 'react';
import type { BoardItem, TimeScale } from './board-layout';
import { AXIS_HEIGHT, NAME_COLUMN_WIDTH, itemHeight, timeToX, xToTime } from './board-layout';

/** A client rectangle, as getBoundingClientRect answers (typed here so this file needs no DOM types). */
export interface ClientBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** What the geometry needs of the board's scroll container. */
export interface Scroller {
  scrollLeft: number;
  scrollTop: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
  getBoundingClientRect(): ClientBox;
}

/**
 * Where things are on the board, for what is drawn over it (a drag's target, planned visits)
 * and for hit-testing a drag: canvas offsets of every item (rows and group headers, collapsed
 * groups have no rows) and the mapping between client points and (technician, instant).
 */
export interface BoardGeometry {
  scale: TimeScale;
  timeZone: string;
  /** Top of a technician's row in canvas pixels; undefined when the row is not on the board (collapsed, filtered). */
  rowTop(resourceId: string): number | undefined;
  /** The technician row and the instant under a client point; null over the axis, a group header or outside. */
  locate(clientX: number, clientY: number): { resourceId: string; time: number } | null;
  /** The row above (-1) or below (1) a technician's, skipping group headers. */
  neighbourRow(resourceId: string, direction: 1 | -1): string | undefined;
  /** Client coordinates of the left edge, vertical middle, of a slot. */
  clientPoint(resourceId: string, time: number): { x: number; y: number } | null;
  /** Scrolls so the slot sits in the middle of the visible timeline. */
  reveal(resourceId: string, time: number): void;
  /** Client rect of the visible timeline (right of the names, below the axis). */
  viewport(): ClientBox | null;
}

export const BoardGeometryContext = createContext<BoardGeometry | null>(null);

export function useBoardGeometry(): BoardGeometry | null {
  return useContext(BoardGeometryContext);
}

/** Canvas top of every item, in order, and each technician's item index. */
export function itemOffsets(items: readonly BoardItem[]): { tops: number[]; indexOf: Map<string, number> } {
  const tops: number[] = [];
  const indexOf = new Map<string, number>();
  let top = AXIS_HEIGHT;
  items.forEach((item, i) => {
    tops.push(top);
    if (item.kind === 'row') indexOf.set(item.technician.id, i);
    top += itemHeight(item);
  });
  return { tops, indexOf };
}

/** Index of the last item whose top is at or above `y` (binary search over sorted tops). */
function itemAt(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  if (hi < 0 || y < (tops[0] ?? 0)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] ?? Infinity) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function createBoardGeometry(scroller: Scroller, items: readonly BoardItem[], scale: TimeScale, timeZone: string): BoardGeometry {
  const { tops, indexOf } = itemOffsets(items);
  const rowTop = (resourceId: string) => {
    const index = indexOf.get(resourceId);
    return index === undefined ? undefined : tops[index];
  };
  const origin = () => {
    const rect = scroller.getBoundingClientRect();
    return { left: rect.left - scroller.scrollLeft, top: rect.top - scroller.scrollTop, rect };
  };
  return {
    scale,
    timeZone,
    rowTop,
    locate(clientX, clientY) {
      const { left, top, rect } = origin();
      if (clientY < rect.top + AXIS_HEIGHT || clientY > rect.bottom || clientX > rect.right || clientX < rect.left) return null;
      const item = items[itemAt(tops, clientY - top)];
      if (item?.kind !== 'row') return null;
      const x = Math.max(0, clientX - left - NAME_COLUMN_WIDTH);
      const time = Math.min(scale.rangeEnd, Math.max(scale.rangeStart, xToTime(scale, x)));
      return { resourceId: item.technician.id, time };
    },
    neighbourRow(resourceId, direction) {
      const from = indexOf.get(resourceId);
      if (from === undefined) return undefined;
      for (let i = from + direction; i >= 0 && i < items.length; i += direction) {
        const item = items[i];
        if (item?.kind === 'row') return item.technician.id;
      }
      return undefined;
    },
    clientPoint(resourceId, time) {
      const y = rowTop(resourceId);
      if (y === undefined) return null;
      const { left, top } = origin();
      return { x: left + NAME_COLUMN_WIDTH + timeToX(scale, time), y: top + y + itemHeight({ kind: 'row' } as BoardItem) / 2 };
    },
    reveal(resourceId, time) {
      const y = rowTop(resourceId);
      if (y === undefined) return;
      const visibleWidth = scroller.clientWidth - NAME_COLUMN_WIDTH;
      const visibleHeight = scroller.clientHeight - AXIS_HEIGHT;
      scroller.scrollLeft = Math.max(0, timeToX(scale, time) - visibleWidth / 2);
      scroller.scrollTop = Math.max(0, y - AXIS_HEIGHT - visibleHeight / 2);
    },
    viewport() {
      const rect = scroller.getBoundingClientRect();
      return { left: rect.left + NAME_COLUMN_WIDTH, top: rect.top + AXIS_HEIGHT, right: rect.right, bottom: rect.bottom, width: rect.width - NAME_COLUMN_WIDTH, height: rect.height - AXIS_HEIGHT };
    },
  };
}
