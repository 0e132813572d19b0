import type { VrptwInstance, VrptwNode } from './vrptw-format';
import { distance } from './vrptw-format';

/**
 * A VRPTW instance as a plan file for `npm run plan` (docs/plan-command.md), so the
 * benchmark plans it exactly as a user's file would be planned:
 *  - each vehicle is a technician based at the depot who returns home (`returnHome`), works
 *    one UTC day from 00:00 and is off from the depot's due time on (so the day's working time
 *    is exactly the depot's window), with the vehicle capacity as `dailyCapacity.maxLoad`;
 *  - each customer is a job with its demand as `load`, its service time as duration and its
 *    window on the start of service as a promised window (`latestEnd` = due + service);
 *  - travel comes from a full matrix: km = the Euclidean distance (what the gap compares),
 *    minutes = distance × the time scale.
 * Time units become `secondsPerUnit` seconds, the largest of a few round values that fits the
 * depot's horizon into one day (1 unit = 1 min for Solomon R2/RC2, 20 s for C2). The scale
 * changes no decision: times and windows all scale alike, and the cost is the distance.
 */
export interface PlanFile {
  technicians: unknown[];
  jobs: unknown[];
  bookings: unknown[];
  options: { days: string[]; budgetMs: number; seed: number };
  matrix: Record<string, Record<string, { km: number; minutes: number }>>;
}

const scales = [60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1];
const dayS = 86_400;

export function secondsPerUnit(horizon: number): number {
  const fit = scales.find((s) => horizon * s <= dayS);
  if (fit === undefined) throw new Error(`a horizon of ${horizon} units does not fit one day even at 1 s per unit`);
  return fit;
}

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const siteId = (n: VrptwNode) => `n${n.id}`;

export function vrptwToPlanInput(instance: VrptwInstance, options: { date?: string; budgetMs?: number; seed?: number } = {}): PlanFile {
  const date = options.date ?? '2026-03-10';
  const origin = Date.parse(`${date}T00:00:00Z`);
  const unitS = secondsPerUnit(instance.depot.due);
  const at = (units: number) => origin + Math.round(units * unitS * 1000);
  const dayEnd = origin + dayS * 1000;
  const weekday = weekdayKeys[new Date(origin).getUTCDay()] as string;
  const place = (n: VrptwNode) => ({ lat: n.y / 10, lng: n.x / 10, id: siteId(n) });
  const technicians = Array.from({ length: instance.vehicles }, (_, k) => ({
    id: `vehicle-${k + 1}`,
    name: `Vehicle ${k + 1}`,
    homeBase: place(instance.depot),
    territoryIds: ['vrptw'],
    characteristics: {},
    timeZone: 'UTC',
    weeklyHours: { [weekday]: [{ start: '00:00', end: '24:00' }] },
    timeOff: at(instance.depot.due) < dayEnd ? [{ start: at(instance.depot.due), end: dayEnd }] : [],
    dailyCapacity: { maxLoad: instance.capacity },
    returnHome: true,
  }));
  const jobs = instance.customers.map((c) => ({
    id: `c${c.id}`,
    durationMinutes: (c.service * unitS) / 60,
    requiredCharacteristics: [],
    territoryId: 'vrptw',
    location: place(c),
    timeZone: 'UTC',
    window: { earliestStart: at(c.ready), latestEnd: at(c.due + c.service) },
    load: c.demand,
  }));
  const all = [instance.depot, ...instance.customers];
  const matrix: PlanFile['matrix'] = {};
  for (const a of all) {
    const row: Record<string, { km: number; minutes: number }> = {};
    for (const b of all) {
      if (a === b) continue;
      const d = distance(a, b);
      row[siteId(b)] = { km: d, minutes: (d * unitS) / 60 };
    }
    matrix[siteId(a)] = row;
  }
  return { technicians, jobs, bookings: [], options: { days: [date], budgetMs: options.budgetMs ?? 2000, seed: options.seed ?? 1 }, matrix };
}
