import type { Composer } from './composer';
import { bestPlacement, place } from './insertion';
import type { Problem } from './problem';
import type { Solution } from './solution';

/** Tightest first: promised windows by latest start, then jobs with fewer possible routes, then id. */
export function tightestFirst(p: Problem): number[] {
  return Array.from({ length: p.nJobs }, (_, j) => j).sort((a, b) => {
    const la = p.late[a] as number;
    const lb = p.late[b] as number;
    if (la !== lb) return la - lb;
    const ea = p.eligible[a]?.length ?? 0;
    const eb = p.eligible[b]?.length ?? 0;
    const ia = p.jobs[a]?.id ?? '';
    const ib = p.jobs[b]?.id ?? '';
    return ea - eb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  });
}

/**
 * The greedy start: each job in turn at its cheapest place that keeps every rule, if any;
 * then the jobs that found none are tried again, since a visit placed later can be the stop
 * that makes room for them (a job that cannot reach a booking directly may reach it via another).
 */
export function greedy(s: Solution, composer: Composer, order: readonly number[]): void {
  let waiting = [...order];
  for (let pass = 0; pass < 3 && waiting.length > 0; pass++) {
    const before = waiting.length;
    waiting = waiting.filter((u) => {
      const best = bestPlacement(s, composer, u, s.problem.eligible[u] ?? [], { feasibleOnly: true });
      if (best) place(s, u, best.route, best.after);
      return !best;
    });
    if (waiting.length === before) break;
  }
}
