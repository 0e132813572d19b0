import { describe, expect, it } from 'vitest';
import type { BoardBooking, BoardTechnician } from '../../../renderer/features/board/board-types';
import {
  HOUR_MS,
  bookingsInWindow,
  buildRowIndex,
  findRowWithBookings,
  groupByTerritory,
  hourTicks,
  initialScrollTime,
  msIntoLocalHour,
  rowBookings,
  tickTime,
  timeToX,
  timelineWidth,
  visibleTickRange,
  visibleTimeWindow,
  xToTime,
} from '../../../renderer/features/board/board-layout';

const MIN = 60_000;
const dayStart = Date.UTC(2025, 2, 11); // a plain UTC day
const scale = { rangeStart: dayStart, rangeEnd: dayStart + 24 * HOUR_MS, pxPerHour: 120 };

function tech(id: string, territoryId: string, territoryName: string): BoardTechnician {
  return { id, name: `Tech ${id}`, territoryId, territoryName };
}

function booking(id: string, resourceId: string, startMin: number, endMin: number): BoardBooking {
  return {
    id,
    resourceId,
    start: dayStart + startMin * MIN,
    end: dayStart + endMin * MIN,
    status: 'scheduled',
    title: 'Job',
    reference: `WO-${id}`,
    needsReview: false,
    pinned: false,
  };
}

describe('time scale', () => {
  it('maps an instant to pixels from the range start and back', () => {
    expect(timeToX(scale, dayStart)).toBe(0);
    expect(timeToX(scale, dayStart + 90 * MIN)).toBe(180);
    expect(xToTime(scale, 180)).toBe(dayStart + 90 * MIN);
    expect(timelineWidth(scale)).toBe(24 * 120);
  });

  it('puts the visible window right of the sticky name column, clamped to the range', () => {
    const window = visibleTimeWindow(scale, 240, 1000, 200);
    expect(window).toEqual({ start: dayStart + 2 * HOUR_MS, end: dayStart + 2 * HOUR_MS + 800 * 30_000 });
  });

  it('widens the window by the overscan but never past the range', () => {
    const window = visibleTimeWindow(scale, 0, 1000, 200, HOUR_MS);
    expect(window.start).toBe(dayStart);
    expect(window.end).toBe(dayStart + (800 / 120) * HOUR_MS + HOUR_MS);
    const atEnd = visibleTimeWindow(scale, timelineWidth(scale) - 800, 1000, 200, HOUR_MS);
    expect(atEnd.end).toBe(scale.rangeEnd);
  });
});

describe('hour ticks in a time zone', () => {
  it('gives 24 ticks starting at the range start on an ordinary day', () => {
    const berlinMidnight = Date.UTC(2025, 2, 10, 23);
    const ticks = hourTicks(berlinMidnight, berlinMidnight + 24 * HOUR_MS, 'Europe/Berlin');
    expect(ticks).toEqual({ first: berlinMidnight, count: 24 });
  });

  it('gives 23 ticks on the spring-forward day and 25 on the fall-back day', () => {
    const spring = hourTicks(Date.UTC(2025, 2, 29, 23), Date.UTC(2025, 2, 30, 22), 'Europe/Berlin');
    expect(spring.count).toBe(23);
    const fall = hourTicks(Date.UTC(2025, 9, 25, 22), Date.UTC(2025, 9, 26, 23), 'Europe/Berlin');
    expect(fall.count).toBe(25);
  });

  it('puts ticks on local hours in a half-hour-offset zone', () => {
    // 00:00 UTC is 05:30 in Kolkata, so the first local hour is 06:00 = 00:30 UTC.
    const ticks = hourTicks(dayStart, dayStart + 24 * HOUR_MS, 'Asia/Kolkata');
    expect(ticks.first).toBe(dayStart + 30 * MIN);
    expect(ticks.count).toBe(24);
    expect(msIntoLocalHour(tickTime(ticks, 5), 'Asia/Kolkata')).toBe(0);
  });

  it('finds the ticks whose hour meets the visible window', () => {
    const ticks = hourTicks(dayStart, dayStart + 24 * HOUR_MS, 'UTC');
    expect(visibleTickRange(ticks, { start: dayStart + 7.5 * HOUR_MS, end: dayStart + 10 * HOUR_MS })).toEqual([7, 9]);
    expect(visibleTickRange(ticks, { start: dayStart - HOUR_MS, end: dayStart + 40 * HOUR_MS })).toEqual([0, 23]);
  });

  it('has no ticks for an empty range', () => {
    expect(hourTicks(dayStart, dayStart, 'UTC').count).toBe(0);
  });
});

describe('groupByTerritory', () => {
  const technicians = [
    tech('a', 't-west', 'West'),
    tech('b', 't-east', 'East'),
    tech('c', 't-west', 'West'),
    tech('d', 't-north', 'North'),
    tech('e', 't-east', 'East'),
  ];

  it('orders groups by territory name and keeps the given order inside a group', () => {
    const items = groupByTerritory(technicians);
    expect(items.map((i) => (i.kind === 'group' ? `#${i.territoryName}` : i.technician.id))).toEqual([
      '#East', 'b', 'e', '#North', 'd', '#West', 'a', 'c',
    ]);
    expect(items[0]).toMatchObject({ kind: 'group', technicianCount: 2, collapsed: false });
  });

  it('keeps a collapsed group header and drops its rows', () => {
    const items = groupByTerritory(technicians, new Set(['t-east']));
    expect(items.map((i) => i.key)).toEqual(['group:t-east', 'group:t-north', 'row:d', 'group:t-west', 'row:a', 'row:c']);
    expect(items[0]).toMatchObject({ collapsed: true, technicianCount: 2 });
  });

  it('returns nothing for no technicians', () => {
    expect(groupByTerritory([])).toEqual([]);
  });
});

describe('buildRowIndex', () => {
  it('keeps only bookings meeting the range, sorted by start per resource', () => {
    const index = buildRowIndex(
      [
        booking('late', 'r1', 600, 660),
        booking('early', 'r1', 480, 540),
        booking('yesterday', 'r1', -120, -60),
        booking('spills-in', 'r2', -30, 30),
        booking('tomorrow', 'r2', 24 * 60, 24 * 60 + 60),
      ],
      scale.rangeStart,
      scale.rangeEnd,
    );
    expect(rowBookings(index, 'r1').placed.map((p) => p.booking.id)).toEqual(['early', 'late']);
    expect(rowBookings(index, 'r2').placed.map((p) => p.booking.id)).toEqual(['spills-in']);
    expect(rowBookings(index, 'nobody')).toEqual({ placed: [], laneCount: 1 });
  });

  it('gives overlapping bookings separate lanes and reuses a lane once it is free', () => {
    const row = rowBookings(
      buildRowIndex(
        [booking('a', 'r', 480, 600), booking('b', 'r', 540, 660), booking('c', 'r', 600, 720), booking('d', 'r', 660, 700)],
        scale.rangeStart,
        scale.rangeEnd,
      ),
      'r',
    );
    expect(row.placed.map((p) => [p.booking.id, p.lane])).toEqual([['a', 0], ['b', 1], ['c', 0], ['d', 1]]);
    expect(row.laneCount).toBe(2);
  });

  it('keeps back-to-back bookings in one lane', () => {
    const row = rowBookings(buildRowIndex([booking('a', 'r', 480, 540), booking('b', 'r', 540, 600)], scale.rangeStart, scale.rangeEnd), 'r');
    expect(row.laneCount).toBe(1);
  });
});

describe('bookingsInWindow', () => {
  const row = rowBookings(
    buildRowIndex(
      [booking('a', 'r', 420, 480), booking('b', 'r', 540, 600), booking('c', 'r', 900, 960)],
      scale.rangeStart,
      scale.rangeEnd,
    ),
    'r',
  );

  it('returns only bookings intersecting the window', () => {
    const window = { start: dayStart + 470 * MIN, end: dayStart + 600 * MIN };
    expect(bookingsInWindow(row, window).map((p) => p.booking.id)).toEqual(['a', 'b']);
  });

  it('treats the window as half-open', () => {
    const window = { start: dayStart + 480 * MIN, end: dayStart + 540 * MIN };
    expect(bookingsInWindow(row, window)).toEqual([]);
  });

  it('always keeps the booking that holds keyboard focus', () => {
    const window = { start: dayStart + 530 * MIN, end: dayStart + 610 * MIN };
    expect(bookingsInWindow(row, window, 'c').map((p) => p.booking.id)).toEqual(['b', 'c']);
    expect(bookingsInWindow(row, window, 'a').map((p) => p.booking.id)).toEqual(['a', 'b']);
  });
});

describe('findRowWithBookings', () => {
  const items = groupByTerritory([tech('a', 't1', 'A'), tech('b', 't1', 'A'), tech('c', 't2', 'B'), tech('d', 't2', 'B')]);
  // items: #A, a, b, #B, c, d
  const index = buildRowIndex([booking('x', 'a', 480, 540), booking('y', 'd', 480, 540)], scale.rangeStart, scale.rangeEnd);

  it('skips group headers and technicians without bookings', () => {
    expect(findRowWithBookings(items, index, 1, 1)).toBe(5);
    expect(findRowWithBookings(items, index, 5, -1)).toBe(1);
    expect(findRowWithBookings(items, index, -1, 1)).toBe(1);
  });

  it('returns -1 past either end', () => {
    expect(findRowWithBookings(items, index, 5, 1)).toBe(-1);
    expect(findRowWithBookings(items, index, 1, -1)).toBe(-1);
  });
});

describe('initialScrollTime', () => {
  it('starts an hour before now when now is in range', () => {
    expect(initialScrollTime(scale, dayStart + 8 * HOUR_MS, dayStart + 11 * HOUR_MS)).toBe(dayStart + 10 * HOUR_MS);
  });

  it('otherwise starts half an hour before the first booking, within the range', () => {
    expect(initialScrollTime(scale, dayStart + 7 * HOUR_MS, undefined)).toBe(dayStart + 6.5 * HOUR_MS);
    expect(initialScrollTime(scale, dayStart + 10 * MIN, dayStart - HOUR_MS)).toBe(dayStart);
    expect(initialScrollTime(scale, undefined, undefined)).toBe(dayStart);
  });
});
