import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVrptw } from '../../../bench/vrptw/vrptw-format';
import { secondsPerUnit, vrptwToPlanInput } from '../../../bench/vrptw/vrptw-to-plan';
import { parsePlanInput, planBatch, planProblemFromInput } from '../../../shared/scheduling/index';

const tiny = parseVrptw(readFileSync('test/fixtures/vrptw/tiny.vrptw', 'utf8'), 'tiny.vrptw');

describe('VRPTW converter (benchmark input)', () => {
  it('reads depot, customers, windows, demands and the global service time', () => {
    expect(tiny).toMatchObject({ name: 'TINY', vehicles: 2, capacity: 2, depot: { id: 1, x: 0, y: 0, ready: 0, due: 1000, service: 0 } });
    expect(tiny.customers.map((c) => [c.id, c.x, c.y, c.demand, c.ready, c.due, c.service])).toEqual([
      [2, 10, 0, 1, 0, 100, 10],
      [3, 20, 0, 1, 0, 200, 10],
      [4, 0, 10, 1, 30, 300, 10],
      [5, 0, 20, 1, 0, 400, 10],
    ]);
  });

  it('names the line of a malformed file', () => {
    expect(() => parseVrptw('NAME : BAD\nVEHICLES : 1\nCAPACITY : 1\nNODE_COORD_SECTION\n1 0 zero\n', 'bad.vrptw')).toThrow('line 5');
  });

  it('turns vehicles into technicians who return home inside the depot window, and customers into windowed jobs', () => {
    const file = vrptwToPlanInput(tiny, { date: '2026-03-10' });
    const parsed = parsePlanInput(file);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { technicians, jobs } = parsed.input;
    expect(secondsPerUnit(1000)).toBe(60); // 1000 units fit a day at a minute each
    expect(secondsPerUnit(3390)).toBe(20);
    expect(technicians).toHaveLength(2);
    expect(technicians[0]).toMatchObject({ returnHome: true, dailyCapacity: { maxLoad: 2 }, timeZone: 'UTC', timeOff: [{ start: Date.parse('2026-03-10T16:40:00Z'), end: Date.parse('2026-03-11T00:00:00Z') }] });
    expect(jobs[2]).toMatchObject({ id: 'c4', durationMinutes: 10, load: 1, window: { earliestStart: Date.parse('2026-03-10T00:30:00Z'), latestEnd: Date.parse('2026-03-10T05:10:00Z') } });
    expect(file.matrix.n1?.n3).toEqual({ km: 20, minutes: 20 });
  });

  it('gives a plan whose distance is the routes’ length, depot to depot', () => {
    const parsed = parsePlanInput(vrptwToPlanInput(tiny, { budgetMs: 200 }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { jobs, world, options } = planProblemFromInput(parsed.input);
    const plan = planBatch(jobs, world, { ...options, maxRounds: 50 });
    expect(plan.totals.unassigned).toBe(0);
    expect(plan.totals.travelKm).toBeCloseTo(80, 9); // two out-and-back routes of 40 (capacity 2 each)
    // Either direction of each out-and-back is as short; every route ends with the drive home.
    expect(plan.routes.map((r) => [r.stops.slice(0, -1).map((s) => s.id).sort(), r.stops.at(-1)?.kind])).toEqual([
      [['c2', 'c3'], 'home'],
      [['c4', 'c5'], 'home'],
    ]);
  });
});
