import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { BoardGeometry } from '../../board/board-geometry';
import { ROW_HEIGHT } from '../../board/board-layout';

export const SLOT_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

/** Snaps an instant to the quarter hour (every real zone's offset is a whole number of quarters). */
export function snapToSlot(time: number): number {
  return Math.round(time / SLOT_MS) * SLOT_MS;
}

/**
 * Arrow keys during a keyboard drag: left and right move by a quarter of an hour, up and down to
 * the next technician (group headers skipped). From outside the board (a work order picked up in
 * the unscheduled pane) the first arrow lands on the first visible technician, an hour into
 * what is visible. Coordinates are the dragged item's top-left, as @dnd-kit keeps them.
 */
export function boardKeyboardCoordinates(geometry: () => BoardGeometry | null): KeyboardCoordinateGetter {
  return (event, { currentCoordinates }) => {
    const board = geometry();
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
    if (!board || !keys.includes(event.code)) return undefined;
    event.preventDefault();
    const here = board.locate(currentCoordinates.x, currentCoordinates.y + ROW_HEIGHT / 2);
    if (!here) return entryPoint(board);
    let next = { resourceId: here.resourceId, time: snapToSlot(here.time) };
    if (event.code === 'ArrowLeft') next = { ...next, time: Math.max(board.scale.rangeStart, next.time - SLOT_MS) };
    else if (event.code === 'ArrowRight') next = { ...next, time: Math.min(board.scale.rangeEnd - SLOT_MS, next.time + SLOT_MS) };
    else next = { ...next, resourceId: board.neighbourRow(here.resourceId, event.code === 'ArrowUp' ? -1 : 1) ?? here.resourceId };
    return pointOf(board, next.resourceId, next.time);
  };
}

/**
 * Client top-left for the item at a slot. A slot out of sight is first scrolled into the middle
 * (the board scrolls for work picked up in the side pane too, which @dnd-kit would not scroll).
 */
function pointOf(board: BoardGeometry, resourceId: string, time: number): { x: number; y: number } | undefined {
  let point = board.clientPoint(resourceId, time);
  const view = board.viewport();
  if (!point || !view) return undefined;
  if (point.x < view.left || point.x > view.right - 4 || point.y - ROW_HEIGHT / 2 < view.top || point.y + ROW_HEIGHT / 2 > view.bottom) {
    board.reveal(resourceId, time);
    point = board.clientPoint(resourceId, time);
  }
  return point ? { x: point.x, y: point.y - ROW_HEIGHT / 2 } : undefined;
}

function entryPoint(board: BoardGeometry): { x: number; y: number } | undefined {
  const view = board.viewport();
  if (!view) return undefined;
  // The first technician row whose middle is in view (a group header may sit at the top).
  let first: ReturnType<BoardGeometry['locate']> = null;
  for (let y = view.top + ROW_HEIGHT / 2; !first && y < view.top + view.height; y += ROW_HEIGHT / 4) first = board.locate(view.left + 1, y);
  if (!first) return undefined;
  return pointOf(board, first.resourceId, snapToSlot(first.time + HOUR_MS));
}
