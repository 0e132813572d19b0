import type { PlanAssignment } from '../../../shared/contract/dispatch-contract';
import { useBoardGeometry } from '../board/board-geometry';
import { NAME_COLUMN_WIDTH, ROW_HEIGHT, timeToX } from '../board/board-layout';

/** The plan being previewed, drawn on the board as dashed visits: nothing is booked until it is applied. */
export function PlanGhostLayer({ assignments }: { assignments: readonly PlanAssignment[] }) {
  const geometry = useBoardGeometry();
  if (!geometry) return null;
  const { scale } = geometry;
  return (
    <>
      {assignments.map((a) => {
        const top = geometry.rowTop(a.resourceId);
        if (top === undefined || a.end <= scale.rangeStart || a.start >= scale.rangeEnd) return null;
        const left = NAME_COLUMN_WIDTH + timeToX(scale, Math.max(a.start, scale.rangeStart));
        const width = Math.max(4, timeToX(scale, Math.min(a.end, scale.rangeEnd)) - timeToX(scale, Math.max(a.start, scale.rangeStart)));
        return (
          <div key={a.workOrderId} className="board-ghost" data-testid="plan-ghost" data-work-order-id={a.workOrderId} data-resource-id={a.resourceId} style={{ left, top: top + 3, width, height: ROW_HEIGHT - 6 }} aria-hidden="true">
            {a.workOrderNumber} {a.title}
          </div>
        );
      })}
    </>
  );
}
