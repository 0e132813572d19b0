import { useCallback, useEffect, useState } from 'react';
import type { PlanRun } from '../../../shared/contract/dispatch-contract';
import { useApi } from '../../api/api-context';

/**
 * The "Plan the day" run shown on this board page: started and canceled through the API, kept
 * current by the main process's plan-progress events (the planner runs in a worker there).
 */
export function usePlanRun() {
  const api = useApi();
  const [run, setRun] = useState<PlanRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runId = run?.id;
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'plan-progress' && event.run.id === runId) setRun(event.run);
      }),
    [api, runId],
  );
  const start = useCallback(
    async (date: string) => {
      setError(null);
      try {
        const started = await api.startPlan({ date });
        // The first result may already have been told before this answer arrived.
        setRun(started);
        setRun(await api.getPlanRun({ planId: started.id }));
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api],
  );
  const cancel = useCallback(async () => {
    if (runId) setRun(await api.cancelPlan({ planId: runId }));
  }, [api, runId]);
  const discard = useCallback(() => setRun(null), []);
  return { run, error, start, cancel, discard };
}
