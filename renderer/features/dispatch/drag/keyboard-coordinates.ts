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
    const pxPerSlot = (board.scale.pxPerHour * SLOT_MS) / HOUR_MS;
    switch (event.code) {
      case 'ArrowLeft':
        return { x: currentCoordinates.x - pxPerSlot, y: currentCoordinates.y };
      case 'ArrowRight':
        return { x: currentCoordinates.x + pxPerSlot, y: currentCoordinates.y };
      default: {
        const next = board.neighbourRow(here.resourceId, event.code === 'ArrowUp' ? -1 : 1);
        const point = next ? board.clientPoint(next, here.time) : null;
        return point ? { x: currentCoordinates.x, y: point.y - ROW_HEIGHT / 2 } : currentCoordinates;
      }
    }
  };
}

function entryPoint(board: BoardGeometry): { x: number; y: number } | undefined {
  const view = board.viewport();
  if (!view) return undefined;
  const first = board.locate(view.left + 1, view.top + ROW_HEIGHT / 2) ?? board.locate(view.left + 1, view.top + ROW_HEIGHT * 1.5);
  if (!first) return undefined;
  const point = board.clientPoint(first.resourceId, snapToSlot(first.time + HOUR_MS));
  return point ? { x: point.x, y: point.y - ROW_HEIGHT / 2 } : undefined;
}
