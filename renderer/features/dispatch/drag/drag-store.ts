import type { PlacementVerdict } from '../../../../shared/mutations/placement-verdict';

/** What is being dragged: a booking already on the board or an unscheduled work order. */
export type DragItem =
  | { kind: 'booking'; bookingId: string; workOrderId: string; resourceId: string; start: number; end: number; version: number; title: string; reference: string }
  | { kind: 'workOrder'; workOrderId: string; durationMinutes: number; version: number; title: string; reference: string };

/** Where it would land and what the rules say about it (null while the rules are still loading). */
export interface DropTarget {
  resourceId: string;
  resourceName: string;
  start: number;
  end: number;
  verdict: PlacementVerdict | null;
}

export interface DragState {
  item: DragItem;
  target: DropTarget | null;
}

/**
 * The drag in progress, outside React state: the pointer moves sixty times a second and only the
 * target highlight and the label listen, so the board itself never re-renders while dragging.
 */
export class DragStore {
  private state: DragState | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): DragState | null => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(state: DragState | null): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Replaces the target only when it changed (same slot, same verdict: nothing to repaint). */
  target(target: DropTarget | null): void {
    if (!this.state) return;
    const current = this.state.target;
    if (current === target || (current && target && current.resourceId === target.resourceId && current.start === target.start && current.verdict === target.verdict)) return;
    this.set({ ...this.state, target });
  }

  active(): boolean {
    return this.state !== null;
  }
}
