/**
 * npm run plan -- <input.json>
 * Plans a batch of unscheduled jobs (format: docs/plan-command.md) and prints the plan as JSON.
 * Exit codes: 0 planned, 1 unreadable or invalid input, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { formatLocal, parsePlanInput, planBatch, planProblemFromInput } from '../shared/scheduling/index';
import type { PlanResult } from '../shared/scheduling/index';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`Cannot read ${path}: ${(error as Error).message}`, 1);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${path} is not valid JSON: ${(error as Error).message}`, 1);
  }
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Rounded figures and local times, for people reading the output. */
function present(result: PlanResult, zoneOf: Map<string, string>) {
  const local = (resourceId: string, t: number) => formatLocal(t, zoneOf.get(resourceId) ?? 'UTC');
  return {
    totals: {
      assigned: result.totals.assigned,
      unassigned: result.totals.unassigned,
      travelMinutes: round(result.totals.travelMinutes),
      travelKm: round(result.totals.travelKm),
      addedTravelMinutes: round(result.totals.addedTravelMinutes),
      greedyAddedTravelMinutes: round(result.stats.greedyAddedTravelMinutes),
    },
    routes: result.routes.map((r) => ({
      resourceId: r.resourceId,
      date: r.date,
      travelMinutes: round(r.travelMinutes),
      travelKm: round(r.travelKm),
      stops: r.stops.map((s) => ({
        kind: s.kind,
        id: s.id,
        start: local(r.resourceId, s.start),
        end: local(r.resourceId, s.end),
        travelMinutes: round(s.travelMinutes),
        travelKm: round(s.travelKm),
      })),
    })),
    unassigned: result.unassigned,
    stats: {
      ...result.stats,
      greedyAddedTravelMinutes: round(result.stats.greedyAddedTravelMinutes),
      greedyTravelMinutes: round(result.stats.greedyTravelMinutes),
      greedyTravelKm: round(result.stats.greedyTravelKm),
    },
  };
}

function main(args: string[]): void {
  const [path, ...extra] = args;
  if (!path || extra.length > 0 || path === '--help') fail('Usage: npm run plan -- <input.json>', 2);
  const parsed = parsePlanInput(readJson(path));
  if (!parsed.ok) fail(`Invalid plan input ${path}:\n  ${parsed.errors.join('\n  ')}`, 1);
  const { jobs, world, options } = planProblemFromInput(parsed.input);
  const result = planBatch(jobs, world, options);
  const zoneOf = new Map(world.resources.map((r) => [r.id, r.timeZone]));
  process.stdout.write(`${JSON.stringify(present(result, zoneOf), null, 2)}\n`);
}

main(process.argv.slice(2));
