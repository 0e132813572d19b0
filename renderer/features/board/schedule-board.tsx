import type { CSSProperties, RefObject } from 'react';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import { TimeAxis } from './board-axis';
import { createFormatters } from './board-format';
import type { BoardFormatters } from './board-format';
import type { BoardItem, HourTicks, RowBookings, TimeScale, TimeWindow } from './board-layout';
import {
  AXIS_HEIGHT,
  DEFAULT_PX_PER_HOUR,
  HOUR_MS,
  NAME_COLUMN_WIDTH,
  buildRowIndex,
  groupByTerritory,
  hourTicks,
  initialScrollTime,
  itemHeight,
  rowBookings,
  tickTime,
  timeToX,
  timelineWidth,
  visibleTickRange,
} from './board-layout';
import { BoardGeometryContext, createBoardGeometry, type BoardGeometry } from './board-geometry';
import { BoardLegend } from './board-legend';
import type { RowContext } from './board-rows';
import { GroupHeader, TechnicianRow } from './board-rows';
import type { BoardBooking, ScheduleBoardProps } from './board-types';
import { useBoardDrag } from './use-board-drag';
import { useBoardKeyboard } from './use-board-keyboard';
import { useRevealSelected } from './use-reveal-selected';
import { useTimeWindow } from './use-time-window';
import { textDirection } from '../../../shared/i18n/locales';
import './schedule-board.css';

/**
 * Rows rendered beyond the viewport on each side, so a fast wheel scroll shows no gaps. Not in
 * the first render: rows and bookings nobody sees yet were a third of its DOM, so they are added
 * in the task after the first paint (see useAfterFirstPaint).
 */
const ROW_OVERSCAN = 4;

/**
 * Before mount the container's size is unknown. Guessing the window's size (the board is
 * usually most of it) lets the first render already be the right one, instead of rendering
 * nothing and then everything again once measured.
 */
function guessViewport(): { width: number; height: number } {
  return typeof globalThis.innerWidth === 'number'
    ? { width: globalThis.innerWidth, height: globalThis.innerHeight }
    : { width: 0, height: 0 };
}

export function ScheduleBoard(props: ScheduleBoardProps) {
  const showLegend = props.showLegend ?? true;
  const formatters = useMemo(() => createFormatters(props.timeZone, props.locale), [props.timeZone, props.locale]);
  const direction = textDirection(props.locale ?? 'en');
  return (
    // Time runs in the reading direction: right to left in Arabic, with the names at the right.
    <div className="board-root" dir={direction}>
      {showLegend && <BoardLegend words={formatters.words} />}
      {/* Keyed by direction: scroll offsets mean something else once the axis is mirrored. */}
      {props.technicians.length === 0 ? <EmptyBoard text={formatters.words.empty} /> : <BoardGrid key={direction} {...props} formatters={formatters} />}
    </div>
  );
}

function EmptyBoard({ text }: { text: string }) {
  return (
    <div className="board-scroller board-empty" data-testid="schedule-board">
      <p role="status" className="board-empty-text">{text}</p>
    </div>
  );
}

function useBoardData(props: ScheduleBoardProps, collapsed: ReadonlySet<string>) {
  const { technicians, bookings, rangeStart, rangeEnd } = props;
  const items = useMemo(() => groupByTerritory(technicians, collapsed), [technicians, collapsed]);
  const rowIndex = useMemo(() => buildRowIndex(bookings, rangeStart, rangeEnd), [bookings, rangeStart, rangeEnd]);
  const itemIndexByResource = useMemo(() => indexRows(items), [items]);
  const findBooking = useMemo(() => lazyBookingLookup(rowIndex), [rowIndex]);
  return { items, rowIndex, itemIndexByResource, findBooking };
}

function indexRows(items: readonly BoardItem[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.kind === 'row') map.set(item.technician.id, i);
  });
  return map;
}

/**
 * Booking lookup by id, built on first use: only keyboard focus and selection need it, so
 * the first render of a big board does not pay for it.
 */
function lazyBookingLookup(rowIndex: ReadonlyMap<string, RowBookings>): (id: string) => BoardBooking | undefined {
  let map: Map<string, BoardBooking> | undefined;
  return (id) => {
    if (!map) {
      map = new Map();
      for (const row of rowIndex.values()) for (const { booking } of row.placed) map.set(booking.id, booking);
    }
    return map.get(id);
  };
}

function earliestStart(rowIndex: ReadonlyMap<string, RowBookings>): number | undefined {
  let earliest: number | undefined;
  for (const row of rowIndex.values()) {
    const start = row.placed[0]?.booking.start;
    if (start !== undefined && (earliest === undefined || start < earliest)) earliest = start;
  }
  return earliest;
}

/** Keeps the row holding keyboard focus rendered even when scrolled away, so focus survives. */
function rangeWithActive(range: Range, activeIndex: number | undefined): number[] {
  const indexes = defaultRangeExtractor(range);
  if (activeIndex === undefined || indexes.includes(activeIndex)) return indexes;
  return [...indexes, activeIndex].sort((a, b) => a - b);
}

function useCollapsedGroups() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((territoryId: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(territoryId)) next.add(territoryId);
      return next;
    });
  }, []);
  return [collapsed, toggle] as const;
}

function useRowVirtualizer(
  scrollerRef: RefObject<HTMLDivElement | null>,
  items: readonly BoardItem[],
  activeIndex: number | undefined,
  guessedViewport: { width: number; height: number },
  overscan: boolean,
) {
  const estimateSize = useCallback((i: number) => itemHeight(items[i]), [items]);
  const getItemKey = useCallback((i: number) => items[i]?.key ?? i, [items]);
  return useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    getItemKey,
    // The sticky time axis occupies the top of the canvas.
    paddingStart: AXIS_HEIGHT,
    scrollPaddingStart: AXIS_HEIGHT,
    overscan: overscan ? ROW_OVERSCAN : 0,
    initialRect: guessedViewport,
    rangeExtractor: (range) => rangeWithActive(range, activeIndex),
  });
}

/** Everything about the horizontal axis: scale, labels, ticks and the visible window. */
function useTimeGeometry(
  props: BoardGridProps,
  rowIndex: ReadonlyMap<string, RowBookings>,
  scrollerRef: RefObject<HTMLDivElement | null>,
  guessedWidth: number,
  overscan: boolean,
) {
  const { rangeStart, rangeEnd, timeZone, now } = props;
  const pxPerHour = props.pxPerHour ?? DEFAULT_PX_PER_HOUR;
  const scale = useMemo<TimeScale>(() => ({ rangeStart, rangeEnd, pxPerHour }), [rangeStart, rangeEnd, pxPerHour]);
  const { formatters } = props;
  const ticks = useMemo(() => hourTicks(rangeStart, rangeEnd, timeZone), [rangeStart, rangeEnd, timeZone]);
  const firstStart = useMemo(() => earliestStart(rowIndex), [rowIndex]);
  const startX = timeToX(scale, initialScrollTime(scale, firstStart, now));
  const timeWindow = useTimeWindow(scrollerRef, scale, startX, guessedWidth, overscan);
  const dayStarts = useMemo(() => localDayStarts(ticks, rangeStart, formatters), [ticks, rangeStart, formatters]);
  return {
    scale,
    formatters,
    ticks,
    dayStarts,
    timeWindow,
    trackWidth: timelineWidth(scale),
    nowX: now !== undefined && now >= rangeStart && now < rangeEnd ? timeToX(scale, now) : null,
    // A day plus slack for a 25-hour DST day.
    multiDay: rangeEnd - rangeStart > 25 * HOUR_MS,
  };
}

/** The first instant of each board day: the range start and every local midnight after it. */
function localDayStarts(ticks: HourTicks, rangeStart: number, formatters: BoardFormatters): number[] {
  const starts = [rangeStart];
  for (let i = 0; i < ticks.count; i++) {
    const time = tickTime(ticks, i);
    if (time > rangeStart && formatters.hour(time) === 0) starts.push(time);
  }
  return starts;
}

/**
 * False until the board's first frame has been painted (a frame, then a task after it). What is
 * rendered only for scrolling (rows and bookings beyond the viewport) waits for it: the board
 * appears sooner, and the overscan follows before anyone can scroll.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** Calls onSelectBooking through a ref, so a new callback each parent render costs nothing. */
function useSelect(onSelectBooking: ((id: string) => void) | undefined, setActiveId: (id: string) => void) {
  const selectRef = useRef(onSelectBooking);
  selectRef.current = onSelectBooking;
  return useCallback(
    (id: string) => {
      setActiveId(id);
      selectRef.current?.(id);
    },
    [setActiveId],
  );
}

interface BoardGridProps extends ScheduleBoardProps {
  formatters: BoardFormatters;
}

function BoardGrid(props: BoardGridProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [collapsed, toggleGroup] = useCollapsedGroups();
  const { items, rowIndex, itemIndexByResource, findBooking } = useBoardData(props, collapsed);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [guessedViewport] = useState(guessViewport);
  const overscan = useAfterFirstPaint();
  const time = useTimeGeometry(props, rowIndex, scrollerRef, guessedViewport.width, overscan);

  const activeBooking = activeId ? findBooking(activeId) : undefined;
  const activeIndex = activeBooking ? itemIndexByResource.get(activeBooking.resourceId) : undefined;
  const rowVirtualizer = useRowVirtualizer(scrollerRef, items, activeIndex, guessedViewport, overscan);
  const onSelect = useSelect(props.onSelectBooking, setActiveId);
  const onKeyDown = useBoardKeyboard({
    scrollerRef,
    items,
    rowIndex,
    itemIndexByResource,
    findBooking,
    scale: time.scale,
    activeId,
    setActiveId,
    scrollToItem: (index) => rowVirtualizer.scrollToIndex(index, { align: 'auto' }),
    firstVisibleIndex: () => firstVisibleItem(rowVirtualizer.getVirtualItems(), rowVirtualizer.scrollOffset ?? 0),
    isDragActive: props.isDragActive,
  });
  const drag = useBoardDrag({ enabled: props.draggable ?? false, findBooking, locked: props.lockedBookingIds });
  const geometry = useGeometry(scrollerRef, items, time.scale, props.timeZone, props.geometryRef);

  useRevealSelected(props.selectedBookingId ?? null, { activeId, setActiveId, findBooking, itemIndexByResource, scrollerRef, scale: time.scale, scrollToItem: (index) => rowVirtualizer.scrollToIndex(index, { align: 'center' }) });

  const canvasWidth = NAME_COLUMN_WIDTH + time.trackWidth;
  const totalHeight = rowVirtualizer.getTotalSize();
  const onContextMenu = useStableCallback(props.onBookingContextMenu);
  const context = useRowContext({
    time,
    canvasWidth,
    activeId: activeBooking ? activeId : null,
    selectedId: props.selectedBookingId ?? null,
    onSelect,
    onActivate: setActiveId,
    timeZone: props.timeZone,
    describedBy: props.draggable ? drag.describedBy : undefined,
    draggingId: props.draggable ? drag.draggingId : undefined,
    locked: props.lockedBookingIds,
    onContextMenu,
  });
  const canvasStyle = {
    width: canvasWidth,
    height: totalHeight,
    '--board-px-per-hour': `${time.scale.pxPerHour}px`,
    '--board-grid-offset': `${timeToX(time.scale, time.ticks.first)}px`,
  } as CSSProperties;

  return (
    <>
      {/* Outside the grid: a grid may only own rows. */}
      <span id={hintId} className="board-visually-hidden">
        {props.formatters.words.keyboardHint}
      </span>
      <div
        ref={scrollerRef}
        className="board-scroller"
        data-testid="schedule-board"
        role="grid"
        aria-label={props.formatters.words.grid}
        aria-describedby={hintId}
        aria-rowcount={items.length + 1}
        aria-colcount={2}
        tabIndex={0}
        onPointerDown={props.draggable ? drag.onPointerDown : undefined}
        onKeyDown={(event) => {
          if (props.draggable) drag.onKeyDown(event);
          onKeyDown(event);
        }}
      >
        <div className="board-canvas" style={canvasStyle}>
          <TimeAxis
            scale={time.scale}
            ticks={time.ticks}
            timeWindow={time.timeWindow}
            formatters={time.formatters}
            multiDay={time.multiDay}
            canvasWidth={canvasWidth}
            timelineWidth={time.trackWidth}
            nowX={time.nowX}
            labelEveryHours={labelStep(time.scale.pxPerHour)}
          />
          {rowVirtualizer.getVirtualItems().map((virtualItem) => (
            <BoardItemView
              key={virtualItem.key}
              item={items[virtualItem.index]}
              index={virtualItem.index}
              top={virtualItem.start}
              rowIndex={rowIndex}
              timeWindow={time.timeWindow}
              context={context}
              onToggleGroup={toggleGroup}
            />
          ))}
          <VerticalLines
            dayStarts={time.multiDay ? dayStartsIn(time.ticks, time.timeWindow, time.formatters) : []}
            scale={time.scale}
            nowX={time.nowX}
            height={Math.max(0, totalHeight - AXIS_HEIGHT)}
          />
          {props.overlay && <BoardGeometryContext.Provider value={geometry}>{props.overlay}</BoardGeometryContext.Provider>}
        </div>
      </div>
    </>
  );
}

interface RowContextInput {
  time: ReturnType<typeof useTimeGeometry>;
  canvasWidth: number;
  activeId: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onActivate: (id: string) => void;
  timeZone: string;
  /** Undefined when drag and drop is off. */
  draggingId: string | null | undefined;
  describedBy: string | undefined;
  locked: ReadonlySet<string> | undefined;
  onContextMenu: ((id: string, x: number, y: number) => void) | undefined;
}

/**
 * The same object as long as nothing in it changed: rows are memoised on it, so a re-render of
 * the grid (the virtualizer settling its range after mount, a scroll adding rows) leaves the
 * rows already on screen alone.
 */
function useRowContext(input: RowContextInput): RowContext {
  const { time, canvasWidth, activeId, selectedId, onSelect, onActivate, timeZone, draggingId, describedBy, locked, onContextMenu } = input;
  const { scale, formatters, multiDay, trackWidth, dayStarts } = time;
  return useMemo(
    () => ({
      scale,
      formatters,
      multiDay,
      canvasWidth,
      timelineWidth: trackWidth,
      activeId,
      selectedId,
      onSelect,
      onActivate,
      timeZone,
      dayStarts,
      drag: draggingId === undefined ? null : { describedBy, draggingId },
      locked,
      onContextMenu,
    }),
    [scale, formatters, multiDay, canvasWidth, trackWidth, activeId, selectedId, onSelect, onActivate, timeZone, dayStarts, draggingId, describedBy, locked, onContextMenu],
  );
}

/** A callback that keeps its identity while calling the latest one given (undefined stays undefined). */
function useStableCallback<A extends unknown[]>(callback: ((...args: A) => void) | undefined): ((...args: A) => void) | undefined {
  const ref = useRef(callback);
  ref.current = callback;
  const stable = useCallback((...args: A) => ref.current?.(...args), []);
  return callback ? stable : undefined;
}

/** Hour labels need about 44 px each; on wider scales every hour is labelled, on narrow ones every 2, 3, 4, 6 or 12. */
function labelStep(pxPerHour: number): number {
  return [1, 2, 3, 4, 6, 12].find((step) => step * pxPerHour >= 44) ?? 24;
}

/** The board's geometry for overlays and drag hit-testing, rebuilt when rows or the scale change. */
function useGeometry(
  scrollerRef: RefObject<HTMLDivElement | null>,
  items: readonly BoardItem[],
  scale: TimeScale,
  timeZone: string,
  geometryRef: { current: BoardGeometry | null } | undefined,
): BoardGeometry | null {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  useLayoutEffect(() => setScroller(scrollerRef.current), [scrollerRef]);
  const geometry = useMemo(() => (scroller ? createBoardGeometry(scroller, items, scale, timeZone) : null), [scroller, items, scale, timeZone]);
  if (geometryRef) geometryRef.current = geometry;
  return geometry;
}

interface BoardItemViewProps {
  item: BoardItem | undefined;
  index: number;
  top: number;
  rowIndex: ReadonlyMap<string, RowBookings>;
  timeWindow: TimeWindow;
  context: RowContext;
  onToggleGroup: (territoryId: string) => void;
}

function BoardItemView({ item, index, top, rowIndex, timeWindow, context, onToggleGroup }: BoardItemViewProps) {
  if (!item) return null;
  if (item.kind === 'group') {
    return <GroupHeader item={item} words={context.formatters.words} itemIndex={index} top={top} width={context.canvasWidth} onToggle={onToggleGroup} />;
  }
  return (
    <TechnicianRow
      technician={item.technician}
      row={rowBookings(rowIndex, item.technician.id)}
      timeWindow={timeWindow}
      itemIndex={index}
      top={top}
      context={context}
    />
  );
}

interface VerticalLinesProps {
  dayStarts: readonly number[];
  scale: TimeScale;
  nowX: number | null;
  height: number;
}

/** Day separators and the "now" line, drawn over the rows below the axis. */
function VerticalLines({ dayStarts, scale, nowX, height }: VerticalLinesProps) {
  return (
    <>
      {dayStarts.map((time) => (
        <div
          key={time}
          className="board-day-line"
          style={{ insetInlineStart: NAME_COLUMN_WIDTH + timeToX(scale, time), top: AXIS_HEIGHT, height }}
          aria-hidden="true"
        />
      ))}
      {nowX !== null && (
        <div
          className="board-now-line"
          data-testid="board-now-line"
          style={{ insetInlineStart: NAME_COLUMN_WIDTH + nowX, top: AXIS_HEIGHT, height }}
          aria-hidden="true"
        />
      )}
    </>
  );
}

/** Local midnights among the visible hour ticks, for the day separators of multi-day boards. */
function dayStartsIn(ticks: HourTicks, timeWindow: TimeWindow, formatters: BoardFormatters): number[] {
  const [first, last] = visibleTickRange(ticks, timeWindow);
  const result: number[] = [];
  for (let i = first; i <= last; i++) {
    const time = tickTime(ticks, i);
    if (formatters.hour(time) === 0) result.push(time);
  }
  return result;
}

/** The first item not hidden under the sticky axis. */
function firstVisibleItem(virtualItems: readonly { index: number; end: number }[], scrollTop: number): number {
  const visible = virtualItems.find((v) => v.end > scrollTop + AXIS_HEIGHT);
  return visible?.index ?? 0;
}
