import type { Problem } from './problem';

/**
 * Granular neighbourhoods (Toth & Vigo 2003; with the time-window proximity of Vidal et al.):
 * each job's closest jobs, where closeness adds to the travel cost the wait or the lateness
 * that following one by the other would cause. Moves only relate a job to these, which keeps
 * a local search pass near O(n · size) while losing very few improving moves.
 */
const waitWeight = 0.2;
const warpWeight = 1;
const msPerMinute = 60_000;

/** proximity of j right after i (lower is closer). */
function proximity(p: Problem, i: number, j: number): number {
  const { time, cost, count } = p.locations;
  const a = (p.loc[i] as number) * count + (p.loc[j] as number);
  const arrive = (p.early[i] as number) + (p.service[i] as number) + (time[a] as number);
  const wait = Math.max((p.early[j] as number) - arrive - ((p.late[i] as number) - (p.early[i] as number)), 0);
  const warp = Math.max(arrive - (p.late[j] as number), 0);
  return (cost[a] as number) + (waitWeight * wait + warpWeight * warp) / msPerMinute;
}

function sharesRoute(p: Problem, i: number, j: number): boolean {
  const routes = p.routes.length;
  for (const r of p.eligible[i] ?? []) if (p.eligibleFlag[j * routes + r] === 1) return true;
  return false;
}

/** The `size` closest jobs of each job that could share a route with it. */
export function granularNeighbours(p: Problem, size: number): number[][] {
  const lists: number[][] = [];
  for (let i = 0; i < p.nJobs; i++) {
    const best: { j: number; d: number }[] = [];
    for (let j = 0; j < p.nJobs; j++) {
      if (i === j) continue;
      const d = Math.min(proximity(p, i, j), proximity(p, j, i));
      if (best.length === size && d >= (best[size - 1] as { d: number }).d) continue;
      if (!sharesRoute(p, i, j)) continue;
      let k = best.length < size ? best.length : size - 1;
      if (best.length < size) best.push({ j, d });
      while (k > 0 && (best[k - 1] as { d: number }).d > d) {
        best[k] = best[k - 1] as { j: number; d: number };
        k--;
      }
      best[k] = { j, d };
    }
    lists.push(best.map((x) => x.j));
  }
  return lists;
}

/** Every job's other jobs by travel cost, nearest first (for ruin: strings around a seed job). */
export function nearestByCost(p: Problem, limit: number): Int32Array[] {
  const { cost, count } = p.locations;
  const all = Array.from({ length: p.nJobs }, (_, j) => j);
  return all.map((i) => {
    const from = (p.loc[i] as number) * count;
    const sorted = all.filter((j) => j !== i).sort((a, b) => (cost[from + (p.loc[a] as number)] as number) - (cost[from + (p.loc[b] as number)] as number) || a - b);
    return Int32Array.from(sorted.slice(0, limit));
  });
}
