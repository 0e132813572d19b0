import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { PlacementJob } from '../../../../shared/contract/dispatch-contract';
import { judgePlacement, type PlacementVerdict } from '../../../../shared/mutations/placement-verdict';
import { indexWorld, type WorldIndex } from '../../../../shared/scheduling/world-index';
import { useApi } from '../../../api/api-context';
import type { DragItem } from './drag-store';

export const schedulingContextKey = 'scheduling-context';

/**
 * The rules while dragging, judged here with the same code the hub runs (judgePlacement) over
 * the technicians and bookings around the board, read once from the replica. Each slot is judged
 * once per drag. The work's engine job (site, skills, duration, promised window) is read when
 * the drag starts.
 */
export function useDragJudge(date: string, days: number, timeZone: string) {
  const api = useApi();
  const context = useQuery({
    queryKey: [schedulingContextKey, date, days, timeZone],
    queryFn: () => api.getSchedulingContext({ date, days, timeZone }),
    staleTime: 60_000,
  });
  const index = useMemo<WorldIndex | null>(() => (context.data ? indexWorld({ resources: context.data.resources, bookings: context.data.bookings }) : null), [context.data]);
  const job = useRef<{ item: DragItem; job: PlacementJob | null; verdicts: Map<string, PlacementVerdict> } | null>(null);

  /** Called when a drag starts: reads the work's job (a few milliseconds) while the pointer starts moving; `onReady` when it is there. */
  const begin = useCallback(
    (item: DragItem, onReady: () => void) => {
      const current = { item, job: null as PlacementJob | null, verdicts: new Map<string, PlacementVerdict>() };
      job.current = current;
      const target = item.kind === 'booking' ? { bookingId: item.bookingId } : { workOrderId: item.workOrderId };
      void api.getPlacementJob({ target }).then((loaded) => {
        if (job.current !== current) return;
        current.job = loaded;
        onReady();
      }, () => undefined);
    },
    [api],
  );

  /** The rules' answer for a slot, or null while the data is still loading. */
  const judge = useCallback(
    (resourceId: string, start: number): PlacementVerdict | null => {
      const drag = job.current;
      if (!drag?.job || !index) return null;
      const key = `${resourceId}|${start}`;
      let verdict = drag.verdicts.get(key);
      if (!verdict) {
        verdict = judgeSlot(index, drag.item, drag.job, resourceId, start);
        drag.verdicts.set(key, verdict);
      }
      return verdict;
    },
    [index],
  );

  const end = useCallback(() => {
    job.current = null;
  }, []);

  return { begin, judge, end, ready: index !== null };
}

export function judgeSlot(index: WorldIndex, item: DragItem, placement: PlacementJob, resourceId: string, start: number): PlacementVerdict {
  return judgePlacement(index, {
    job: placement.job,
    resourceId,
    start,
    promisedWindow: placement.promisedWindow,
    ignoreBookingId: item.kind === 'booking' ? item.bookingId : undefined,
  });
}
