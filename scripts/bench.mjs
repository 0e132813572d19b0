// `npm run bench`: every benchmark, one after another (they would disturb each other in parallel on 2 cores).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const benches = ['bench/board-bench.ts', 'bench/scheduling-bench.ts', 'bench/sync-bench.ts', 'bench/search-bench.ts'];
let failed = false;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [bench], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${bench} failed (exit ${result.status}).`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
