/**
 * Pure geometry and grouping for the schedule board. No DOM, no React: everything here is
 * unit-tested in test/unit/board and runs under the Node tsconfig too.
 */
import type { BoardBooking, BoardTechnician } from './board-types';

export const HOUR_MS = 3_600_000;
export const ROW_HEIGHT = 40;
export const GROUP_HEIGHT = 28;
export const AXIS_HEIGHT = 36;
export const NAME_COLUMN_WIDTH = 200;
export const DEFAULT_PX_PER_HOUR = 120;

/** Linear mapping between instants and timeline pixels (x = 0 at rangeStart). */
export interface TimeScale {
  rangeStart: number;
  rangeEnd: number;
  pxPerHour: number;
}

export interface TimeWindow {
  start: number;
  end: number;
}

export function timeToX(scale: TimeScale, time: number): number {
  return ((time - scale.rangeStart) * scale.pxPerHour) / HOUR_MS;
}

export function xToTime(scale: TimeScale, x: number): number {
  return scale.rangeStart + (x * HOUR_MS) / scale.pxPerHour;
}

export function timelineWidth(scale: TimeScale): number {
  return Math.max(0, timeToX(scale, scale.rangeEnd));
}

/**
 * The instants visible in the scroll container. The sticky name column covers the first
 * `nameColumnWidth` pixels of the viewport, so the timeline shows
 * [scrollLeft, scrollLeft + viewportWidth - nameColumnWidth] in timeline pixels.
 * `overscanMs` widens the window on both sides so blocks exist before they scroll in.
 */
export function visibleTimeWindow(
  scale: TimeScale,
  scrollLeft: number,
  viewportWidth: number,
  nameColumnWidth: number,
  overscanMs = 0,
): TimeWindow {
  const visibleWidth = Math.max(0, viewportWidth - nameColumnWidth);
  const start = xToTime(scale, Math.max(0, scrollLeft)) - overscanMs;
  const end = xToTime(scale, Math.max(0, scrollLeft) + visibleWidth) + overscanMs;
  return { start: Math.max(scale.rangeStart, start), end: Math.min(scale.rangeEnd, end) };
}

// ---------------------------------------------------------------------------------------
// Hour ticks in a time zone

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

function minuteFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = minuteFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, minute: 'numeric', second: 'numeric' });
    minuteFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds since the start of the local hour containing `time` in `timeZone`. */
export function msIntoLocalHour(time: number, timeZone: string): number {
  let minute = 0;
  let second = 0;
  for (const part of minuteFormatter(timeZone).formatToParts(time)) {
    if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  const millis = ((time % 1000) + 1000) % 1000;
  return (minute * 60 + second) * 1000 + millis;
}

export interface HourTicks {
  /** Instant of the first local hour boundary at or after rangeStart. */
  first: number;
  /** Number of hour boundaries in [rangeStart, rangeEnd). */
  count: number;
}

/**
 * Local hour boundaries in the range. Zones with half-hour offsets (Asia/Kolkata) put them
 * off the UTC hour. Offsets move by whole hours at DST changes in nearly every zone, so
 * stepping by one hour from the first boundary stays on local hours; a DST day simply gets
 * 23 or 25 columns.
 */
export function hourTicks(rangeStart: number, rangeEnd: number, timeZone: string): HourTicks {
  if (!(rangeEnd > rangeStart)) return { first: rangeStart, count: 0 };
  const into = msIntoLocalHour(rangeStart, timeZone);
  const first = into === 0 ? rangeStart : rangeStart + HOUR_MS - into;
  const count = first >= rangeEnd ? 0 : Math.ceil((rangeEnd - first) / HOUR_MS);
  return { first, count };
}

export function tickTime(ticks: HourTicks, index: number): number {
  return ticks.first + index * HOUR_MS;
}

/** Indexes [first, last] of the ticks whose hour [tick, tick + 1 h) meets the window; empty when last < first. */
export function visibleTickRange(ticks: HourTicks, timeWindow: TimeWindow): [number, number] {
  const first = Math.max(0, Math.floor((timeWindow.start - ticks.first) / HOUR_MS));
  const last = Math.min(ticks.count - 1, Math.ceil((timeWindow.end - ticks.first) / HOUR_MS) - 1);
  return [first, last];
}

// ---------------------------------------------------------------------------------------
// Rows: territory groups flattened into one virtualizable list

export interface GroupItem {
  kind: 'group';
  key: string;
  territoryId: string;
  territoryName: string;
  technicianCount: number;
  collapsed: boolean;
}

export interface RowItem {
  kind: 'row';
  key: string;
  technician: BoardTechnician;
}

export type BoardItem = GroupItem | RowItem;

/**
 * Groups technicians by territory, groups ordered by territory name (ties by first
 * appearance), technicians keeping their given order inside a group. Collapsed groups
 * keep their header and drop their rows.
 */
export function groupByTerritory(
  technicians: readonly BoardTechnician[],
  collapsed: ReadonlySet<string> = new Set(),
): BoardItem[] {
  const groups = new Map<string, BoardTechnician[]>();
  for (const technician of technicians) {
    const members = groups.get(technician.territoryId);
    if (members) members.push(technician);
    else groups.set(technician.territoryId, [technician]);
  }
  const ordered = orderByTerritoryName([...groups.values()]);
  const items: BoardItem[] = [];
  for (const members of ordered) {
    const head = members[0];
    if (!head) continue;
    const isCollapsed = collapsed.has(head.territoryId);
    items.push({
      kind: 'group',
      key: `group:${head.territoryId}`,
      territoryId: head.territoryId,
      territoryName: head.territoryName,
      technicianCount: members.length,
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    for (const technician of members) items.push({ kind: 'row', key: `row:${technician.id}`, technician });
  }
  return items;
}

/**
 * Callers usually pass technicians already sorted by territory (the replica query does), and a
 * Collator costs ~8 ms to create in a fresh page — a twentieth of the board's first-render
 * budget — so it is only built when the groups are visibly out of order.
 */
function orderByTerritoryName(groups: BoardTechnician[][]): BoardTechnician[][] {
  const names = groups.map((g) => (g[0]?.territoryName ?? '').toLowerCase());
  if (names.every((name, i) => i === 0 || (names[i - 1] as string) <= name)) return groups;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  // Array.prototype.sort is stable, so equal names keep their first-appearance order.
  return groups.sort((a, b) => collator.compare(a[0]?.territoryName ?? '', b[0]?.territoryName ?? ''));
}

export function itemHeight(item: BoardItem | undefined): number {
  return item?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT;
}

// ---------------------------------------------------------------------------------------
// Bookings per row, with lanes for overlapping bookings

export interface PlacedBooking {
  booking: BoardBooking;
  /** 0-based lane inside the row; overlapping bookings get separate lanes. */
  lane: number;
}

export interface RowBookings {
  /** Sorted by start, then end, then id. */
  placed: PlacedBooking[];
  laneCount: number;
}

const emptyRow: RowBookings = { placed: [], laneCount: 1 };

export function compareBookings(a: BoardBooking, b: BoardBooking): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Greedy interval partitioning: each booking takes the lowest lane free at its start. */
export function assignLanes(sorted: readonly BoardBooking[]): RowBookings {
  const laneEnds: number[] = [];
  const placed: PlacedBooking[] = [];
  for (const booking of sorted) {
    let lane = laneEnds.findIndex((end) => end <= booking.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = booking.end;
    placed.push({ booking, lane });
  }
  return { placed, laneCount: Math.max(1, laneEnds.length) };
}

/**
 * Map resourceId → that row's bookings intersecting the range, built once per data change
 * so rendering a row costs only its own bookings.
 */
export function buildRowIndex(
  bookings: readonly BoardBooking[],
  rangeStart: number,
  rangeEnd: number,
): Map<string, RowBookings> {
  const byResource = new Map<string, BoardBooking[]>();
  for (const booking of bookings) {
    if (booking.end <= rangeStart || booking.start >= rangeEnd) continue;
    const list = byResource.get(booking.resourceId);
    if (list) list.push(booking);
    else byResource.set(booking.resourceId, [booking]);
  }
  const index = new Map<string, RowBookings>();
  for (const [resourceId, list] of byResource) {
    list.sort(compareBookings);
    index.set(resourceId, assignLanes(list));
  }
  return index;
}

export function rowBookings(index: ReadonlyMap<string, RowBookings>, resourceId: string): RowBookings {
  return index.get(resourceId) ?? emptyRow;
}

/**
 * The bookings of one row to put in the DOM: those intersecting the window, plus the one
 * holding keyboard focus (so focus never lands on a removed node).
 */
export function bookingsInWindow(
  row: RowBookings,
  window: TimeWindow,
  keepId?: string | null,
): PlacedBooking[] {
  const result: PlacedBooking[] = [];
  for (const item of row.placed) {
    const { booking } = item;
    if (booking.start >= window.end) {
      // Sorted by start: nothing later intersects; only the kept booking may remain.
      if (keepId != null && booking.id === keepId) result.push(item);
      continue;
    }
    if (booking.end > window.start || booking.id === keepId) result.push(item);
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Keyboard navigation targets

/**
 * Index of the nearest row item after (direction 1) or before (direction -1) `fromIndex`
 * that has bookings, or -1. Rows without bookings hold nothing to focus, so they are skipped.
 */
export function findRowWithBookings(
  items: readonly BoardItem[],
  index: ReadonlyMap<string, RowBookings>,
  fromIndex: number,
  direction: 1 | -1,
): number {
  for (let i = fromIndex + direction; i >= 0 && i < items.length; i += direction) {
    const item = items[i];
    if (item?.kind === 'row' && (index.get(item.technician.id)?.placed.length ?? 0) > 0) return i;
  }
  return -1;
}

/** Where to scroll horizontally at first: an hour before now, else just before the first booking. */
export function initialScrollTime(
  scale: TimeScale,
  firstBookingStart: number | undefined,
  now: number | undefined,
): number {
  const inRange = (t: number | undefined): t is number =>
    t !== undefined && t >= scale.rangeStart && t < scale.rangeEnd;
  if (inRange(now)) return Math.max(scale.rangeStart, now - HOUR_MS);
  if (firstBookingStart !== undefined) {
    return Math.max(scale.rangeStart, Math.min(scale.rangeEnd, firstBookingStart - HOUR_MS / 2));
  }
  return scale.rangeStart;
}
