/**
 * VRPTW benchmark of the batch planner (npm run bench -- vrptw [options]): plans public
 * instances (Solomon type 2, Gehring–Homberger 200) through the plan file format and
 * compares the distance with the best published tours (data folder README: "How to compare").
 *
 *   --data <folder>        instances and reference.csv (default ../shared/bench-data/vrptw beside the repo)
 *   --budgets 2000,10000   planner budgets in ms, one run per instance each (default 2000)
 *   --filter <regex>       only instances whose "set/name" matches, e.g. 'R2' or 'solomon.*C20[1-3]'
 *   --seed <n>             planner seed (default 1)
 *   --each                 one line per instance as well as the per-set summary
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlanInput, planBatch, planProblemFromInput } from '../shared/scheduling/index';
import { readReferences } from './vrptw/reference';
import { parseVrptw } from './vrptw/vrptw-format';
import { vrptwToPlanInput } from './vrptw/vrptw-to-plan';
import { searchSettings } from '../shared/scheduling/plan-batch/search-settings';
if (process.env.SEARCH_SETTINGS) Object.assign(searchSettings, JSON.parse(process.env.SEARCH_SETTINGS));

const root = path.resolve(import.meta.dirname, '..');
const defaultData = path.resolve(root, '..', 'shared', 'bench-data', 'vrptw');

interface Options {
  data: string;
  dataGiven: boolean;
  budgets: number[];
  filter: RegExp | null;
  seed: number;
  each: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { data: defaultData, dataGiven: false, budgets: [2000], filter: null, seed: 1, each: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--data') {
      options.data = path.resolve(value());
      options.dataGiven = true;
    } else if (arg === '--budgets' || arg === '--budget') options.budgets = value().split(',').map(Number);
    else if (arg === '--filter') options.filter = new RegExp(value(), 'i');
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--each') options.each = true;
    else throw new Error(`unknown option ${arg} (see the header of bench/vrptw-bench.ts)`);
  }
  if (options.budgets.some((b) => !(b > 0))) throw new Error('--budgets takes positive milliseconds, e.g. 2000,10000,30000');
  return options;
}

interface Run {
  set: string;
  instance: string;
  customers: number;
  gap: number;
  unserved: number;
  wallMs: number;
  budgetMs: number;
  greedyGap: number;
  greedyUnserved: number;
  rounds: number;
}

function runInstance(file: string, set: string, reference: { vehicles: number; distance: number }, budgetMs: number, seed: number): Run {
  const instance = parseVrptw(readFileSync(file, 'utf8'), path.basename(file));
  const planFile = vrptwToPlanInput({ ...instance, vehicles: reference.vehicles }, { budgetMs, seed });
  const parsed = parsePlanInput(planFile);
  if (!parsed.ok) throw new Error(`${instance.name}: converted plan file is invalid: ${parsed.errors.slice(0, 3).join('; ')}`);
  const { jobs, world, options } = planProblemFromInput(parsed.input);
  const t0 = performance.now();
  const plan = planBatch(jobs, world, options);
  const wallMs = performance.now() - t0;
  return {
    set,
    instance: instance.name,
    customers: instance.customers.length,
    gap: plan.totals.travelKm / reference.distance - 1,
    unserved: plan.totals.unassigned,
    wallMs,
    budgetMs,
    greedyGap: plan.stats.greedyTravelKm / reference.distance - 1,
    greedyUnserved: jobs.length - plan.stats.greedyAssigned,
    rounds: plan.stats.rounds,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function summarise(runs: Run[]): string[] {
  const worst = runs.reduce((w, r) => (r.gap > w.gap ? r : w));
  const failed = runs.filter((r) => r.unserved > 0);
  const overrun = Math.max(...runs.map((r) => r.wallMs / r.budgetMs - 1));
  const meanGap = mean(runs.map((r) => r.gap));
  const medianGap = median(runs.map((r) => r.gap));
  const pass = medianGap <= 0.03 && meanGap <= 0.04 && failed.length === 0 && overrun <= 0.05;
  return [
    `${runs[0]?.set} @ ${runs[0]?.budgetMs} ms: ${runs.length} instances${runs[0]?.budgetMs === 2000 ? ` — target median ≤ 3%, mean ≤ 4%, all served, budget +5%: ${pass ? 'PASS' : 'MISS'}` : ''}`,
    `  gap to best known   mean ${pct(meanGap)}, median ${pct(medianGap)}, worst ${pct(worst.gap)} (${worst.instance})`,
    `  unserved customers  ${runs.reduce((s, r) => s + r.unserved, 0)} on ${failed.length} instance(s)${failed.length ? ` (${failed.map((r) => `${r.instance}: ${r.unserved}`).join(', ')})` : ''}`,
    `  wall time           mean ${mean(runs.map((r) => r.wallMs)).toFixed(0)} ms, max ${Math.max(...runs.map((r) => r.wallMs)).toFixed(0)} ms (budget ${overrun > 0 ? '+' : ''}${pct(overrun)} at worst)`,
    `  greedy start        mean ${pct(mean(runs.map((r) => r.greedyGap)))}, median ${pct(median(runs.map((r) => r.greedyGap)))}, unserved ${runs.reduce((s, r) => s + r.greedyUnserved, 0)}`,
    `  search rounds       mean ${mean(runs.map((r) => r.rounds)).toFixed(0)}`,
  ];
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const refPath = path.join(options.data, 'reference.csv');
  if (!existsSync(refPath)) {
    console.log(`VRPTW data not found: ${refPath} does not exist. Give the folder with --data <folder> (instances in <set>/<name>.vrptw and reference.csv).`);
    process.exit(options.dataGiven ? 1 : 0);
  }
  const references = readReferences(refPath);
  const sets = [...new Set([...references.values()].map((r) => r.set))].sort((a, b) => (a < b ? 1 : -1));
  console.log(`VRPTW data: ${options.data}; budgets ${options.budgets.join(', ')} ms; seed ${options.seed}; load average ${loadAverage()}`);
  for (const budgetMs of options.budgets) {
    for (const set of sets) {
      const folder = path.join(options.data, set);
      if (!existsSync(folder)) {
        console.log(`${set}: folder ${folder} is missing, skipped`);
        continue;
      }
      const files = readdirSync(folder).filter((f) => f.endsWith('.vrptw')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      const runs: Run[] = [];
      for (const file of files) {
        const name = file.replace(/\.vrptw$/, '');
        if (options.filter && !options.filter.test(`${set}/${name}`)) continue;
        const reference = references.get(`${set}/${name}`);
        if (!reference) {
          console.log(`${set}/${name}: no reference distance, skipped`);
          continue;
        }
        const run = runInstance(path.join(folder, file), set, reference, budgetMs, options.seed);
        runs.push(run);
        if (options.each) console.log(`  ${run.instance.padEnd(9)} gap ${pct(run.gap).padStart(7)}  unserved ${run.unserved}  ${run.wallMs.toFixed(0)} ms  greedy ${pct(run.greedyGap)} (${run.greedyUnserved} unserved)  rounds ${run.rounds}`);
      }
      if (runs.length > 0) summarise(runs).forEach((line) => console.log(line));
    }
  }
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

main();
