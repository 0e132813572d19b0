// `npm run bench [-- <section>... [options]]`: the benchmarks one after another (they would
// disturb each other in parallel on 2 cores). Sections: board, review, scheduling, dispatch, sync, load, vrptw, search, portal, calendar; all
// by default. Options after the sections go to them (e.g. `npm run bench -- vrptw --filter R2`,
// see bench/vrptw-bench.ts for the VRPTW section's options).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sections = { board: 'bench/board-bench.ts', review: 'bench/review-queue-bench.ts', scheduling: 'bench/scheduling-bench.ts', dispatch: 'bench/dispatch-bench.ts', sync: 'bench/sync-bench.ts', load: 'bench/load-bench.ts', vrptw: 'bench/vrptw-bench.ts', search: 'bench/search-bench.ts', portal: ['bench/portal-hub-bench.ts', 'bench/portal-web-bench.ts'], calendar: ['bench/calendar-bench.ts', 'bench/caldav-bench.ts'] };
const args = process.argv.slice(2);
const chosen = [];
while (args.length > 0 && Object.hasOwn(sections, args[0])) chosen.push(args.shift());
if (args.length > 0 && !args[0].startsWith('-')) {
  console.error(`Unknown bench section "${args[0]}"; sections: ${Object.keys(sections).join(', ')}.`);
  process.exit(2);
}
let failed = false;
for (const name of chosen.length > 0 ? chosen : Object.keys(sections)) {
  // A section may have several files (the portal's: the web app's and the hub's).
  for (const bench of [sections[name]].flat()) {
    console.log(`\n=== ${bench} ===`);
    const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [bench, ...args], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`${bench} failed (exit ${result.status}).`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
