import { memo, type CSSProperties } from 'react';
import type { BoardFormatters, BoardWords } from './board-format';
import { bookingAriaLabel } from './board-format';
import { ChevronIcon } from './board-icons';
import type { GroupItem, PlacedBooking, RowBookings, TimeScale, TimeWindow } from './board-layout';
import { GROUP_HEIGHT, ROW_HEIGHT, bookingsInWindow, timeToX } from './board-layout';
import type { BoardBooking, BoardTechnician } from './board-types';

/** Vertical room a booking leaves free above and below inside its row. */
const ROW_INSET = 3;
/** Horizontal gap so back-to-back bookings stay distinguishable. */
const BLOCK_GAP = 1;
const MIN_BLOCK_WIDTH = 4;
/**
 * Narrower blocks (most at the week scale) get no text: their borders and padding leave under
 * 10 px, which showed at most an ellipsis, and laying the text out was a quarter of the week's
 * first render. The label (aria-label and tooltip) is the same.
 */
const MIN_TEXT_WIDTH = 28;

export interface RowContext {
  scale: TimeScale;
  formatters: BoardFormatters;
  multiDay: boolean;
  canvasWidth: number;
  timelineWidth: number;
  activeId: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onActivate: (id: string) => void;
  /** The board's zone: a technician working in another is marked. */
  timeZone: string;
  /** First instant of each board day, for the utilisation shading. */
  dayStarts: readonly number[];
  /** Drag and drop is on: scheduled blocks carry its description (the board's handlers start drags). */
  drag: { describedBy: string | undefined; draggingId: string | null } | null;
  locked: ReadonlySet<string> | undefined;
  onContextMenu?: ((id: string, x: number, y: number) => void) | undefined;
}

/** What a booking block carries while dragged (read by the drop handler). */
export interface BookingDragData {
  kind: 'booking';
  booking: BoardBooking;
}

interface GroupHeaderProps {
  item: GroupItem;
  words: BoardWords;
  itemIndex: number;
  top: number;
  width: number;
  onToggle: (territoryId: string) => void;
}

export const GroupHeader = memo(function GroupHeader({ item, words, itemIndex, top, width, onToggle }: GroupHeaderProps) {
  const count = words.technicianCount(item.technicianCount);
  return (
    <div
      role="row"
      className="board-group"
      data-testid="board-group"
      data-territory-id={item.territoryId}
      data-item-index={itemIndex}
      aria-rowindex={itemIndex + 2}
      aria-label={`${item.territoryName}, ${count}`}
      style={{ top, width, height: GROUP_HEIGHT }}
    >
      <div role="rowheader" aria-colspan={2} className="board-group-label">
        <button
          type="button"
          className="board-group-toggle"
          aria-expanded={!item.collapsed}
          onClick={() => onToggle(item.territoryId)}
        >
          <ChevronIcon className={item.collapsed ? 'board-chevron board-chevron--collapsed' : 'board-chevron'} />
          <span className="board-group-name">{item.territoryName}</span>
          <span className="board-group-count">{count}</span>
        </button>
      </div>
    </div>
  );
});

interface TechnicianRowProps {
  technician: BoardTechnician;
  row: RowBookings;
  timeWindow: TimeWindow;
  itemIndex: number;
  top: number;
  context: RowContext;
}

/**
 * Memoised: when the grid re-renders for another reason (rows added by a scroll, the
 * virtualizer settling after mount) the rows already on screen are not rendered again.
 */
export const TechnicianRow = memo(function TechnicianRow({ technician, row, timeWindow, itemIndex, top, context }: TechnicianRowProps) {
  const visible = bookingsInWindow(row, timeWindow, context.activeId);
  const jobs = row.placed.length;
  const levels = technician.utilisation?.map((u) => u.level) ?? [];
  const otherZone = technician.timeZone && technician.timeZone !== context.timeZone ? technician.timeZone : null;
  return (
    <div
      role="row"
      className="board-row"
      data-testid="board-row"
      data-resource-id={technician.id}
      data-item-index={itemIndex}
      aria-rowindex={itemIndex + 2}
      // Without a label the row would be named after every booking in it.
      aria-label={technician.name}
      data-utilisation={levels.join(' ') || undefined}
      data-zone={otherZone ?? undefined}
      style={{ top, width: context.canvasWidth, height: ROW_HEIGHT }}
    >
      <div role="rowheader" className="board-row-name" title={technician.name}>
        <span className="board-row-name-text">{technician.name}</span>
        {otherZone && (
          <span className="board-row-zone" data-testid="board-row-zone" title={context.formatters.words.worksInZone(otherZone)} aria-label={context.formatters.words.worksInZone(otherZone)}>
            {context.formatters.zoneName(otherZone)}
          </span>
        )}
        <span className="board-row-count" aria-label={context.formatters.words.bookingCount(jobs)}>
          {jobs}
        </span>
      </div>
      <div
        role="gridcell"
        aria-label={context.formatters.words.technicianBookings(technician.name)}
        className="board-row-timeline"
        style={{ width: context.timelineWidth }}
      >
        {levels.length > 0 && <div className="board-row-util" style={utilisationStyle(levels, context)} aria-hidden="true" />}
        {visible.map((placed) => (
          <BookingBlock
            key={placed.booking.id}
            placed={placed}
            laneCount={row.laneCount}
            technicianName={technician.name}
            scale={context.scale}
            formatters={context.formatters}
            multiDay={context.multiDay}
            isActive={placed.booking.id === context.activeId}
            isSelected={placed.booking.id === context.selectedId}
            isLocked={context.locked?.has(placed.booking.id) ?? false}
            drag={context.drag && placed.booking.status === 'scheduled' ? context.drag.describedBy ?? '' : null}
            isDragging={context.drag?.draggingId === placed.booking.id}
            onSelect={context.onSelect}
            onActivate={context.onActivate}
            onContextMenu={context.onContextMenu}
          />
        ))}
      </div>
    </div>
  );
});

interface BookingBlockProps {
  placed: PlacedBooking;
  laneCount: number;
  technicianName: string;
  scale: TimeScale;
  formatters: BoardFormatters;
  multiDay: boolean;
  isActive: boolean;
  isSelected: boolean;
  /** A change of this booking is being saved: it cannot be dragged again yet. */
  isLocked: boolean;
  /** Movable by drag and drop: the id of the instructions a screen reader reads out (null: not movable). */
  drag: string | null;
  isDragging: boolean;
  onSelect: (id: string) => void;
  onActivate: (id: string) => void;
  onContextMenu?: ((id: string, x: number, y: number) => void) | undefined;
}

const utilisationColours: Record<string, string> = {
  off: 'var(--board-util-off)',
  free: 'var(--board-util-free)',
  partly: 'var(--board-util-partly)',
  fully: 'var(--board-util-fully)',
  over: 'var(--board-util-over)',
};

/** One background per row, a band per board day: no DOM per day. */
function utilisationStyle(levels: readonly string[], context: RowContext): CSSProperties {
  const stops = levels.map((level, i) => {
    const from = timeToX(context.scale, context.dayStarts[i] ?? context.scale.rangeStart);
    const to = timeToX(context.scale, context.dayStarts[i + 1] ?? context.scale.rangeEnd);
    const colour = utilisationColours[level] ?? 'transparent';
    return `${colour} ${from}px ${to}px`;
  });
  return { backgroundImage: `linear-gradient(to right, ${stops.join(', ')})` };
}

function blockGeometry(placed: PlacedBooking, laneCount: number, scale: TimeScale) {
  const { booking, lane } = placed;
  // Clamp to the range so a booking spilling over midnight starts at the board's edge.
  const left = timeToX(scale, Math.max(booking.start, scale.rangeStart));
  const right = timeToX(scale, Math.min(booking.end, scale.rangeEnd));
  const laneHeight = (ROW_HEIGHT - 2 * ROW_INSET) / laneCount;
  return {
    insetInlineStart: left + BLOCK_GAP,
    width: Math.max(MIN_BLOCK_WIDTH, right - left - 2 * BLOCK_GAP),
    top: ROW_INSET + lane * laneHeight,
    height: laneHeight - (laneCount > 1 ? 1 : 0),
  };
}

function blockClassName(placed: PlacedBooking, laneCount: number, isSelected: boolean): string {
  const { booking } = placed;
  const classes = ['board-booking', `board-status-${booking.status}`];
  if (booking.needsReview) classes.push('board-booking--review');
  if (booking.pinned) classes.push('board-booking--pinned');
  if (isSelected) classes.push('board-booking--selected');
  // Two lanes leave room for one line of text; three or more only for a coloured bar.
  if (laneCount === 2) classes.push('board-booking--compact');
  else if (laneCount > 2) classes.push('board-booking--bar');
  return classes.join(' ');
}

/**
 * 'Boiler service' over 'WO-00042 · Acme Ltd': in a narrow block the job is what a dispatcher
 * scans for, and the reference number would otherwise eat all the room.
 */
export function blockText(booking: BoardBooking): { primary: string; secondary: string } {
  const secondary = [booking.reference ?? '', booking.subtitle ?? ''].filter(Boolean).join(' · ');
  return { primary: booking.title, secondary };
}

/**
 * Memoised: a horizontal scroll re-renders rows, but unchanged blocks stay put. Blocks hold no
 * drag hooks of their own (hundreds of them would slow the first render): the board hands a
 * pointer or key press on a block to one @dnd-kit draggable (see use-board-drag).
 */
const BookingBlock = memo(function BookingBlock(props: BookingBlockProps) {
  const { placed, laneCount, isSelected, isActive } = props;
  const { booking } = placed;
  const label = bookingAriaLabel(booking, props.technicianName, props.formatters, props.multiDay);
  const text = blockText(booking);
  const geometry = blockGeometry(placed, laneCount, props.scale);
  const roomForText = geometry.width >= MIN_TEXT_WIDTH;
  const className = blockClassName(placed, laneCount, isSelected) + (props.isDragging ? ' board-booking--dragging' : '') + (props.isLocked ? ' board-booking--saving' : '');
  return (
    <button
      type="button"
      className={className}
      style={geometry}
      data-testid="board-booking"
      data-booking-id={booking.id}
      data-status={booking.status}
      data-needs-review={booking.needsReview || undefined}
      data-pinned={booking.pinned || undefined}
      data-saving={props.isLocked || undefined}
      aria-label={label}
      aria-current={isSelected ? 'true' : undefined}
      aria-roledescription={props.drag !== null ? props.formatters.words.draggableBooking : undefined}
      aria-describedby={props.drag || undefined}
      title={label}
      // Roving tabindex: one booking in the tab order, arrows move between the rest.
      tabIndex={isActive ? 0 : -1}
      onClick={() => props.onSelect(booking.id)}
      onFocus={() => props.onActivate(booking.id)}
      onContextMenu={props.onContextMenu ? (event) => openContextMenu(event, booking.id, props.onContextMenu!) : undefined}
    >
      {/* The pin glyph and the review badge are CSS pseudo-elements: no extra DOM per block. */}
      {/* A pinned block keeps its title element, empty when narrow: the pin glyph hangs on it. */}
      {(roomForText || booking.pinned) && <span className="board-booking-title">{roomForText ? text.primary : null}</span>}
      {roomForText && text.secondary && laneCount === 1 && <span className="board-booking-subtitle">{text.secondary}</span>}
    </button>
  );
});

/** From the keyboard (Menu key, Shift+F10) the event has no pointer position: the menu opens at the block. */
function openContextMenu(event: React.MouseEvent<HTMLElement>, id: string, open: (id: string, x: number, y: number) => void): void {
  event.preventDefault();
  const fromKeyboard = event.clientX === 0 && event.clientY === 0;
  const box = event.currentTarget.getBoundingClientRect();
  open(id, fromKeyboard ? box.left : event.clientX, fromKeyboard ? box.bottom : event.clientY);
}
