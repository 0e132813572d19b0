import { earliestArrival, earliestVisitStart } from '../working-time';
import { NodeKind } from './problem';
import type { Problem, RouteSpec } from './problem';

/** The exact schedule of a route: each stop as early as the rules allow, and the time warp it needs. */
export interface RouteSchedule {
  /** Start of each node of the sequence (the start node: when the technician leaves home; the end node: arrival home). */
  starts: number[];
  /** Total ms by which visits would have to start late, bookings be reached late or drives fit nowhere: 0 when feasible. */
  timeWarp: number;
}

/**
 * Times a route by forward simulation over its working pieces (working-time.ts): every drive
 * in one go inside one piece after leaving the previous stop, every visit inside one piece and
 * its window, fixed bookings reached by their start. Starting as early as possible leaves the
 * most room for what follows, so a sequence is feasible exactly when this finds no time warp.
 * What cannot be kept is counted as time warp and the simulation carries on from the latest
 * allowed time, so the search can weigh how far a sequence is from feasible.
 */
export function scheduleRoute(problem: Problem, route: RouteSpec, nodes: ArrayLike<number>, length = nodes.length, keepStarts = false): RouteSchedule {
  const { time } = problem.locations;
  const count = problem.locations.count;
  const starts: number[] = [];
  let timeWarp = 0;
  let depart = -Infinity;
  let from = problem.loc[route.startNode] as number;
  if (keepStarts) starts.push(route.pieces[0]?.start ?? 0);
  for (let i = 1; i < length; i++) {
    const node = nodes[i] as number;
    const loc = problem.loc[node] as number;
    const travel = time[from * count + loc] as number;
    let arrive = earliestArrival(route.pieces, depart, travel);
    if (arrive === Infinity) {
      arrive = Math.max(depart, route.pieces[0]?.start ?? 0) + travel;
      timeWarp += travel; // the drive fits in no piece of working time
    }
    const kind = problem.kind[node] as NodeKind;
    let start = arrive;
    if (kind === NodeKind.Job) {
      const duration = problem.service[node] as number;
      start = earliestVisitStart(route.pieces, Math.max(arrive, problem.early[node] as number), duration);
      const late = problem.late[node] as number;
      if (start > late) {
        timeWarp += start === Infinity ? duration : start - late;
        start = Math.max(late, arrive);
      }
    } else if (kind === NodeKind.Fixed) {
      const fixedStart = problem.early[node] as number;
      if (arrive > fixedStart) timeWarp += arrive - fixedStart;
      start = fixedStart;
    } else if (kind === NodeKind.End) {
      const shiftEnd = problem.late[node] as number;
      if (arrive > shiftEnd) timeWarp += arrive - shiftEnd;
    }
    if (keepStarts) starts.push(start);
    depart = start + (problem.service[node] as number);
    if (loc !== 0) from = loc;
  }
  return { starts, timeWarp };
}
