import { describe, expect, it } from 'vitest';
import { createBoardGeometry, type Scroller } from '../../../renderer/features/board/board-geometry';
import { AXIS_HEIGHT, GROUP_HEIGHT, HOUR_MS, NAME_COLUMN_WIDTH, ROW_HEIGHT, groupByTerritory } from '../../../renderer/features/board/board-layout';

/** Hit-testing a drag: from a point on screen to a technician and an instant, and back. */
const technicians = [
  { id: 'ann', name: 'Ann', territoryId: 'n', territoryName: 'North' },
  { id: 'bob', name: 'Bob', territoryId: 'n', territoryName: 'North' },
  { id: 'cy', name: 'Cy', territoryId: 's', territoryName: 'South' },
];
const scale = { rangeStart: Date.UTC(2026, 10, 24), rangeEnd: Date.UTC(2026, 10, 25), pxPerHour: 120 };

function scroller(scrollLeft = 0, scrollTop = 0): Scroller {
  return {
    scrollLeft,
    scrollTop,
    clientWidth: 1000,
    clientHeight: 600,
    getBoundingClientRect: () => ({ left: 50, top: 100, right: 1050, bottom: 700, width: 1000, height: 600 }),
  };
}

describe('board geometry', () => {
  const items = groupByTerritory(technicians);

  it('finds the technician and the instant under a point, group headers and the axis excepted', () => {
    const board = createBoardGeometry(scroller(240, 0), items, scale, 'UTC');
    // Rows: North header, Ann, Bob, South header, Cy.
    const annMiddle = 100 + AXIS_HEIGHT + GROUP_HEIGHT + ROW_HEIGHT / 2;
    expect(board.locate(50 + NAME_COLUMN_WIDTH + 120, annMiddle)).toEqual({ resourceId: 'ann', time: scale.rangeStart + 3 * HOUR_MS });
    expect(board.locate(400, 100 + AXIS_HEIGHT + 5)).toBeNull(); // the North header
    expect(board.locate(400, 110)).toBeNull(); // the axis
    expect(board.locate(1100, annMiddle)).toBeNull(); // right of the board
    const cyMiddle = 100 + AXIS_HEIGHT + 2 * GROUP_HEIGHT + 2 * ROW_HEIGHT + ROW_HEIGHT / 2;
    expect(board.locate(400, cyMiddle)?.resourceId).toBe('cy');
  });

  it('steps to the row above or below across a group header, and places a slot back on screen', () => {
    const board = createBoardGeometry(scroller(), items, scale, 'UTC');
    expect(board.neighbourRow('bob', 1)).toBe('cy');
    expect(board.neighbourRow('ann', -1)).toBeUndefined();
    const point = board.clientPoint('cy', scale.rangeStart + 2 * HOUR_MS)!;
    expect(board.locate(point.x + 1, point.y)).toEqual({ resourceId: 'cy', time: scale.rangeStart + 2 * HOUR_MS + 30_000 });
    expect(board.rowTop('nobody')).toBeUndefined();
  });

  it('reveal scrolls a slot to the middle of the visible timeline', () => {
    const element = scroller();
    const board = createBoardGeometry(element, items, scale, 'UTC');
    board.reveal('cy', scale.rangeStart + 10 * HOUR_MS);
    expect(element.scrollLeft).toBe(10 * 120 - (1000 - NAME_COLUMN_WIDTH) / 2);
  });
});
