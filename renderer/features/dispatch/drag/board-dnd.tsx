import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useT } from '../../../components/use-t';
import type { BoardGeometry } from '../../board/board-geometry';
import { ROW_HEIGHT } from '../../board/board-layout';
import type { BookingDragData } from '../../board/board-rows';
import type { DragItem, DragStore, DropTarget } from './drag-store';
import { boardKeyboardCoordinates, snapToSlot } from './keyboard-coordinates';
import { useTargetDescription } from './drop-target-layer';
import type { PlacementVerdict } from '../../../../shared/mutations/placement-verdict';

/** What an unscheduled work order carries while dragged from the pane. */
export interface WorkOrderDragData {
  kind: 'workOrder';
  workOrderId: string;
  number: string;
  summary: string;
  durationMinutes: number;
  version: number;
}

interface Props {
  store: DragStore;
  geometryRef: { current: BoardGeometry | null };
  technicianName: (resourceId: string) => string;
  judge: { begin(item: DragItem, onReady: () => void): void; judge(resourceId: string, start: number): PlacementVerdict | null; end(): void };
  onDrop: (item: DragItem, target: DropTarget | null) => void;
  children: ReactNode;
}

function itemOf(data: unknown): DragItem | null {
  const d = data as BookingDragData | WorkOrderDragData | undefined;
  if (d?.kind === 'booking') {
    const b = d.booking;
    return { kind: 'booking', bookingId: b.id, workOrderId: b.workOrderId ?? '', resourceId: b.resourceId, start: b.start, end: b.end, version: b.version ?? 0, title: b.title, reference: b.reference ?? '' };
  }
  if (d?.kind === 'workOrder') return { kind: 'workOrder', workOrderId: d.workOrderId, durationMinutes: d.durationMinutes, version: d.version, title: d.summary, reference: d.number };
  return null;
}

function durationOf(item: DragItem): number {
  return item.kind === 'booking' ? item.end - item.start : item.durationMinutes * 60_000;
}

/**
 * Drag and drop on the board with @dnd-kit: pointer (a few pixels of movement starts it, so a
 * click still opens a booking) and keyboard (Space picks up, arrows move, Space or Enter drops,
 * Escape cancels). The target is worked out from where the item is (the pointer, or the dragged
 * item's place when moved by keys) and judged by the rules at once; only the highlight and the
 * label listen to it, so the board does not re-render while dragging.
 */
export function BoardDnd({ store, geometryRef, technicianName, judge, onDrop, children }: Props) {
  const t = useT();
  const describe = useTargetDescription();
  const overlayRef = useRef<HTMLDivElement>(null);
  const pointer = useRef<{ x: number; y: number; grab: number } | null>(null);
  const frame = useRef(0);
  const [announcement, setAnnouncement] = useState('');
  const coordinates = useMemo(() => boardKeyboardCoordinates(() => geometryRef.current), [geometryRef]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] }, coordinateGetter: coordinates, scrollBehavior: 'auto' }),
  );

  const recompute = useCallback(() => {
    const drag = store.get();
    const board = geometryRef.current;
    if (!drag || !board) return;
    const point = pointer.current ? { x: pointer.current.x - pointer.current.grab, y: pointer.current.y } : overlayPoint(overlayRef.current);
    const spot = point ? board.locate(point.x, point.y) : null;
    if (!spot) return store.target(null);
    const start = snapToSlot(spot.time);
    store.target({ resourceId: spot.resourceId, resourceName: technicianName(spot.resourceId), start, end: start + durationOf(drag.item), verdict: judge.judge(spot.resourceId, start) });
  }, [store, geometryRef, technicianName, judge]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(recompute);
  }, [recompute]);

  useDragListeners(store, geometryRef, pointer, schedule);
  // The rules' data arriving (or changing) mid-drag: judge the slot under the item again.
  const judgeSlot = judge.judge;
  useEffect(() => {
    if (store.active()) schedule();
  }, [judgeSlot, store, schedule]);
  useAnnounceTargets(store, describe, setAnnouncement);

  const onDragStart = (event: DragStartEvent) => {
    const item = itemOf(event.active.data.current);
    if (!item) return;
    const activator = event.activatorEvent;
    const initial = event.active.rect.current.initial;
    pointer.current =
      activator instanceof PointerEvent || activator instanceof MouseEvent
        ? { x: activator.clientX, y: activator.clientY, grab: item.kind === 'booking' && initial ? activator.clientX - initial.left : 0 }
        : null;
    store.set({ item, target: null });
    // The slot already under the item is judged again once the rules' data for it has arrived.
    judge.begin(item, schedule);
  };
  const finish = (event: DragEndEvent | null) => {
    cancelAnimationFrame(frame.current);
    const drag = store.get();
    if (event && drag) {
      recompute();
      onDrop(drag.item, store.get()?.target ?? null);
    }
    pointer.current = null;
    judge.end();
    store.set(null);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('drag.pickedUp', { what: itemOf(active.data.current)?.reference ?? '' }),
    onDragMove: () => undefined,
    onDragOver: () => undefined,
    onDragEnd: ({ active }) => {
      const target = store.get()?.target;
      return target ? t('drag.dropped', { what: itemOf(active.data.current)?.reference ?? '', where: describe(target) }) : t('drag.droppedNowhere');
    },
    onDragCancel: () => t('drag.canceled'),
  };

  return (
    <DndContext
      sensors={sensors}
      // The board scrolls only when the pointer is at its very edges (the names column on the left):
      // a drop near the start of the visible hours must not slide the board away under it.
      autoScroll={{ threshold: { x: 0.08, y: 0.08 }, acceleration: 6 }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('drag.instructions') } }}
      onDragStart={onDragStart}
      onDragMove={schedule}
      onDragEnd={(event) => finish(event)}
      onDragCancel={() => finish(null)}
    >
      {children}
      {/* No glide between key presses: the target is read from where the item is, at once. */}
      <DragOverlay dropAnimation={null} transition={noTransition}>
        <DragChip store={store} overlayRef={overlayRef} />
      </DragOverlay>
      <div className="visually-hidden" aria-live="polite" data-testid="drag-announcement">{announcement}</div>
    </DndContext>
  );
}

const noTransition = () => undefined;

function overlayPoint(element: HTMLElement | null): { x: number; y: number } | null {
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.top + ROW_HEIGHT / 2 };
}

/** Follows the pointer while dragging, and the board's scrolling (auto-scroll, keys), to keep the target true. */
function useDragListeners(store: DragStore, geometryRef: { current: BoardGeometry | null }, pointer: { current: { x: number; y: number; grab: number } | null }, schedule: () => void) {
  const dragging = useSyncExternalStore(store.subscribe, () => store.active());
  useEffect(() => {
    if (!dragging) return;
    const onMove = (event: PointerEvent) => {
      if (!pointer.current) return;
      pointer.current = { ...pointer.current, x: event.clientX, y: event.clientY };
      schedule();
    };
    const scroller = document.querySelector('[data-testid="schedule-board"]');
    window.addEventListener('pointermove', onMove, { passive: true });
    scroller?.addEventListener('scroll', schedule, { passive: true });
    return () => {
      window.removeEventListener('pointermove', onMove);
      scroller?.removeEventListener('scroll', schedule);
    };
  }, [dragging, geometryRef, pointer, schedule]);
}

/** Tells a screen reader where the item is and what the rules say, once it rests for a moment. */
function useAnnounceTargets(store: DragStore, describe: (target: DropTarget) => string, announce: (text: string) => void) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: DropTarget | null = null;
    const unsubscribe = store.subscribe(() => {
      const target = store.get()?.target ?? null;
      if (target === last) return;
      last = target;
      clearTimeout(timer);
      if (target) timer = setTimeout(() => announce(describe(target)), 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, describe, announce]);
}

function DragChip({ store, overlayRef }: { store: DragStore; overlayRef: { current: HTMLDivElement | null } }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  if (!state) return null;
  const { item } = state;
  return (
    <div ref={overlayRef} className="drag-chip" data-testid="drag-chip">
      <strong>{item.reference}</strong> {item.title}
    </div>
  );
}
